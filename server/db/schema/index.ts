export * from './accounts';
export * from './members';
export * from './orgs';
