-- One database per service: no service reads another's tables.
CREATE DATABASE social_protection;
CREATE DATABASE employment;
CREATE DATABASE social_service;
