DROP TABLE personal_data_reads;
DROP TABLE pay_basis;
DROP TABLE teams;
