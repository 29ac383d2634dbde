/** English strings of the Updates screen; the Persian file must have the same keys. */
export const updatesMessagesEn = {
  'ui.updates.title': 'Contact updates',
  'ui.updates.empty': 'No contact changes yet. Changes appear here after a sync finds them.',
  'ui.updates.total': '{count} changes in all',
  'ui.updates.col.id': 'Contact ID',
  'ui.updates.col.kind': 'Change',
  'ui.updates.col.server-time': 'Updated on the server',
  'ui.updates.col.detected-time': 'Detected',
  'ui.kind.added': 'Added',
  'ui.kind.updated': 'Updated',
  'ui.kind.deleted': 'Deleted',
  'ui.kind.restored': 'Restored',
  'ui.kind.missing': 'Missing',
} as const;
