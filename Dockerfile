# Builds and runs the ledger API. The API imports the seed data in /app/seeds at first start.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

COPY global.json Directory.Build.props Directory.Packages.props Ledger.sln ./
COPY src/ src/
# The solution also lists the test project, which .dockerignore leaves out, so restore the API project only.
RUN dotnet restore src/Ledger.Api/Ledger.Api.csproj
RUN dotnet publish src/Ledger.Api/Ledger.Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ ./seeds/

ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Ledger__SeedDirectory=/app/seeds
EXPOSE 8080

# APP_UID is the UID (1654) of the non-root user `app` that the .NET 8 and later images define.
USER $APP_UID
ENTRYPOINT ["dotnet", "Ledger.Api.dll"]
