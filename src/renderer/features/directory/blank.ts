import type { Department, DirectorySystem, Person } from '../../../shared/domain/directory';

export const blankPerson: Person = {
  id: 0,
  name: '',
  department: '',
  email: '',
  phone: '',
  location: '',
  role: '',
  vip: false,
  active: true,
  notes: '',
  source: 'manual',
};

export const blankSystem: DirectorySystem = {
  id: 0,
  name: '',
  kind: 'application',
  location: '',
  criticality: 'normal',
  departments: [],
  processes: [],
  ownerId: 0,
  providerId: '',
  runbooks: [],
  notes: '',
  retired: false,
  source: 'manual',
};

export const blankDepartment: Department = { id: 0, name: '', head: '', processes: [], notes: '', source: 'manual' };
