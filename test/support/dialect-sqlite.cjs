process.env.CIMS_TEST_DIALECT = 'sqlite';
