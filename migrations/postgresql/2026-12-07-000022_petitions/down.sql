DROP TABLE petitions;
