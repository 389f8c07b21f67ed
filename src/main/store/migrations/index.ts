import { migration001 } from './001-initial';
import { migration002 } from './002-list-indexes';
import { migration003 } from './003-sla-snapshots';
import { migration004 } from './004-checklists';
import { migration005 } from './005-msp';
import { migration006 } from './006-relative-file-paths';
import { migration007 } from './007-directory';
import { migration008 } from './008-board-slots';
import { migration009 } from './009-open-ticket-search';
import { migration010 } from './010-board-filter-counts';
import { migration011 } from './011-private-event-chain';
import { migration012 } from './012-knowledge-base';
import { migration013 } from './013-problems';
import { migration014 } from './014-report-indexes';
import { migration015 } from './015-report-reminders';
import { migration016 } from './016-report-facts';
import { migration017 } from './017-monitoring';
import { migration018 } from './018-report-versions';
import { migration019 } from './019-monitoring-state-index';
import { migration020 } from './020-mail';
import type { Migration } from './types';

/** Append-only: a released migration is never edited, only followed by a new one. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
];
export const latestSchemaVersion = migrations.length;
