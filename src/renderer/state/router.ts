import { reportFilterSchema, type ReportFilter } from '../../shared/domain/report';

export type Route =
  | { name: 'tickets'; q?: string; report?: ReportFilter }
  | { name: 'ticket'; id: number }
  | { name: 'new' }
  | { name: 'board' }
  | { name: 'next' }
  | { name: 'checklists' }
  | { name: 'requests' }
  | { name: 'settings' }
  | { name: 'directory'; tab: DirectoryTab }
  | { name: 'person'; id: number }
  | { name: 'system'; id: number }
  | { name: 'kb' }
  | { name: 'article'; id: number }
  | { name: 'articleNew'; fromTicket?: number }
  | { name: 'problems' }
  | { name: 'problem'; id: number }
  | { name: 'problemNew' }
  | { name: 'reports' }
  | { name: 'monitoring' }
  | { name: 'check'; id: number };

export type DirectoryTab = 'people' | 'systems' | 'departments';

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const ticket = /^\/tickets\/(\d+)$/.exec(path);
  // A search is part of the address, so it can be bookmarked, reloaded and gone back to.
  const search = /^\/tickets\?q=(.*)$/.exec(path);
  if (search) {
    try {
      const q = decodeURIComponent(search[1] ?? '');
      return q ? { name: 'tickets', q } : { name: 'tickets' };
    } catch {
      return { name: 'tickets' };
    }
  }
  if (ticket?.[1]) return { name: 'ticket', id: Number(ticket[1]) };
  // A report's figure as the list's filter: validated like any input from outside.
  const report = /^\/tickets\?report=(.*)$/.exec(path);
  if (report) {
    try {
      const parsed = reportFilterSchema.safeParse(JSON.parse(decodeURIComponent(report[1] ?? '')));
      return parsed.success ? { name: 'tickets', report: parsed.data } : { name: 'tickets' };
    } catch {
      return { name: 'tickets' };
    }
  }
  const record = /^\/directory\/(people|systems)\/(\d+)$/.exec(path);
  if (record?.[2]) return { name: record[1] === 'people' ? 'person' : 'system', id: Number(record[2]) };
  const tab = /^\/directory(?:\/(people|systems|departments))?$/.exec(path);
  if (tab) return { name: 'directory', tab: (tab[1] as DirectoryTab | undefined) ?? 'people' };
  const article = /^\/kb\/(\d+)$/.exec(path);
  if (article?.[1]) return { name: 'article', id: Number(article[1]) };
  const draft = /^\/kb\/new(?:\?ticket=(\d+))?$/.exec(path);
  if (draft) return draft[1] ? { name: 'articleNew', fromTicket: Number(draft[1]) } : { name: 'articleNew' };
  if (path === '/kb') return { name: 'kb' };
  const problem = /^\/problems\/(\d+)$/.exec(path);
  if (problem?.[1]) return { name: 'problem', id: Number(problem[1]) };
  if (path === '/problems/new') return { name: 'problemNew' };
  if (path === '/problems') return { name: 'problems' };
  if (path === '/reports') return { name: 'reports' };
  if (path === '/monitoring') return { name: 'monitoring' };
  const check = /^\/monitoring\/checks\/(\d+)$/.exec(path);
  if (check?.[1]) return { name: 'check', id: Number(check[1]) };
  if (path === '/new') return { name: 'new' };
  if (path === '/settings') return { name: 'settings' };
  if (path === '/board') return { name: 'board' };
  if (path === '/next') return { name: 'next' };
  if (path === '/checklists') return { name: 'checklists' };
  if (path === '/requests') return { name: 'requests' };
  return { name: 'tickets' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'ticket':
      return `#/tickets/${route.id}`;
    case 'new':
      return '#/new';
    case 'settings':
      return '#/settings';
    case 'board':
      return '#/board';
    case 'next':
      return '#/next';
    case 'checklists':
      return '#/checklists';
    case 'requests':
      return '#/requests';
    case 'directory':
      return `#/directory/${route.tab}`;
    case 'person':
      return `#/directory/people/${route.id}`;
    case 'system':
      return `#/directory/systems/${route.id}`;
    case 'kb':
      return '#/kb';
    case 'article':
      return `#/kb/${route.id}`;
    case 'articleNew':
      return route.fromTicket ? `#/kb/new?ticket=${route.fromTicket}` : '#/kb/new';
    case 'problems':
      return '#/problems';
    case 'problem':
      return `#/problems/${route.id}`;
    case 'problemNew':
      return '#/problems/new';
    case 'reports':
      return '#/reports';
    case 'monitoring':
      return '#/monitoring';
    case 'check':
      return `#/monitoring/checks/${route.id}`;
    case 'tickets':
      if (route.report) return `#/tickets?report=${encodeURIComponent(JSON.stringify(route.report))}`;
      return route.q ? `#/tickets?q=${encodeURIComponent(route.q)}` : '#/tickets';
  }
}
