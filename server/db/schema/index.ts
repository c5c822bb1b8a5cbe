export * from './accounts';
export * from './audit';
export * from './fixed-day';
export * from './keys';
export * from './members';
export * from './orgs';
export * from './oversight';
