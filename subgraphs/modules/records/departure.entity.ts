import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DatabaseTrigger } from '../../kernel/db/triggers';
import type { Level } from '../../kernel/levels';
import { RECORD_SOURCES, RecordSource } from './sources';

/**
 * A record that moved to another division: written by a database trigger on every record table
 * whenever a row's division code changes, whoever changes it (a service, an import, an operator's SQL),
 * so that a platform that received the row for the old division's scope learns that it left —
 * leaving a subscription's scope is, for that subscription, a deletion (its change feed carries it
 * as a tombstone). Record writers stamp updatedAt with every change; the departure takes that stamp.
 */
@Entity('record_departure')
@Index(['tableName', 'departedAt', 'recordKey'])
export class RecordDeparture {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  tableName: string;

  @Column({ type: 'varchar', length: 64 })
  recordKey: string;

  @Column({ type: 'varchar', length: 6 })
  fromDivision: string;

  @Column({ type: 'varchar', length: 6 })
  toDivision: string;

  /** The level the row came from, when it was received: a departure never flows back to its origin. */
  @Column({ type: 'varchar', length: 8, nullable: true, default: null })
  originPlatform: Level | null;

  @Column({ type: 'datetime', precision: 3 })
  departedAt: Date;
}

/** The trigger of one record table, named `record_departure_<table>`. */
function departureTrigger(source: RecordSource): DatabaseTrigger {
  const table = `${source.table}_record`;
  const name = `record_departure_${table}`;
  const columns = ['tableName', 'recordKey', 'fromDivision', 'toDivision', 'originPlatform', 'departedAt'];
  const values = (q: string) => [`'${source.table}'`, `OLD.${q}${source.key}${q}`, `OLD.${q}divisionCode${q}`, `NEW.${q}divisionCode${q}`, `NEW.${q}originPlatform${q}`, `NEW.${q}updatedAt${q}`].join(', ');
  const list = (q: string) => columns.map((c) => `${q}${c}${q}`).join(', ');
  return {
    name,
    sqlite: `CREATE TRIGGER IF NOT EXISTS "${name}" AFTER UPDATE OF "divisionCode" ON "${table}" WHEN OLD."divisionCode" IS NOT NEW."divisionCode" BEGIN INSERT INTO "record_departure" (${list('"')}) VALUES (${values('"')}); END`,
    mysql: `CREATE TRIGGER \`${name}\` AFTER UPDATE ON \`${table}\` FOR EACH ROW BEGIN IF NOT (OLD.\`divisionCode\` <=> NEW.\`divisionCode\`) THEN INSERT INTO \`record_departure\` (${list('`')}) VALUES (${values('`')}); END IF; END`,
  };
}

export const DEPARTURE_TRIGGERS: DatabaseTrigger[] = Object.values(RECORD_SOURCES).map(departureTrigger);
