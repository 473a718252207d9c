DROP TABLE document_deadlines;
