-- One PostgreSQL server, one database per service (docker-compose.yml). Each office could as well run
-- on a server of its own: point its <OFFICE>_DATABASE_URL there.
create database hub_organization;
create database hub_staffing;
create database hub_hr;
create database hub_finance;
create database hub_catalog;
create database hub_gateway;
