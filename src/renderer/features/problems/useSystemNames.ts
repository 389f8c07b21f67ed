import { useQuery } from '../../api/useQuery';

/** Names of the directory's systems by id (for patterns and problems, which keep ids). */
export function useSystemNames(): ReadonlyMap<number, string> {
  const systems = useQuery('directory.systems.list', { includeInactive: true }, (c) => c.entity === 'directory');
  return new Map((systems.data?.systems ?? []).map((s) => [s.id, s.name]));
}
