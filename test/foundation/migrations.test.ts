import { loadConfig } from '../../subgraphs/kernel/config';
import { createDataSource, dropMysqlDatabase, ensureMysqlDatabase } from '../../subgraphs/kernel/db/data-source';
import { LEVELS } from '../../subgraphs/kernel/levels';
import { levelEntities } from '../../subgraphs/kernel/module';
import { LEVEL_DEFINITIONS } from '../../subgraphs/levels';

// MySQL schemas change only through migrations: after running them, the entities need nothing more.
const onMysql = process.env.DATABASE_URL ? describe : describe.skip;

onMysql('MySQL migrations match the entities', () => {
  it.each(LEVELS)('%s: migrations leave no schema difference, and revert cleanly', async (level) => {
    const config = loadConfig({ ...process.env, DATABASE_PREFIX: `mig_${process.pid}_` });
    const database = config.subgraphs[level].database;
    const definition = LEVEL_DEFINITIONS[level];
    await ensureMysqlDatabase(database);
    const { dataSource } = createDataSource({ database, entities: levelEntities(definition), migrations: definition.migrations });
    try {
      await dataSource.initialize();
      await dataSource.runMigrations();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < definition.migrations.length; i++) await dataSource.undoLastMigration();
      const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_name <> 'migrations'`, [database.kind === 'mysql' ? database.database : '']);
      expect(tables).toEqual([]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropMysqlDatabase(database);
    }
  });
});
