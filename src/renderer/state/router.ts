export type Route = { name: 'tickets' } | { name: 'ticket'; id: number } | { name: 'new' } | { name: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const ticket = /^\/tickets\/(\d+)$/.exec(path);
  if (ticket?.[1]) return { name: 'ticket', id: Number(ticket[1]) };
  if (path === '/new') return { name: 'new' };
  if (path === '/settings') return { name: 'settings' };
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
    default:
      return '#/tickets';
  }
}
