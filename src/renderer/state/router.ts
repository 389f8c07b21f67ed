export type Route =
  | { name: 'tickets' }
  | { name: 'ticket'; id: number }
  | { name: 'new' }
  | { name: 'board' }
  | { name: 'next' }
  | { name: 'checklists' }
  | { name: 'requests' }
  | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const ticket = /^\/tickets\/(\d+)$/.exec(path);
  if (ticket?.[1]) return { name: 'ticket', id: Number(ticket[1]) };
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
    case 'tickets':
      return '#/tickets';
  }
}
