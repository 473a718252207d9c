DROP TABLE return_events;
DROP TABLE return_applications;
