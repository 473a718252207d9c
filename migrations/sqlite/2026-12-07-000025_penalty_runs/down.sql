DROP TABLE bonus_ledger;
DROP TABLE penalty_charges;
DROP TABLE penalty_items;
DROP TABLE penalty_runs;
