/**
 * What the user is told about a data folder's stores: another writer, the disk, a damaged or
 * missing file, the mirror's identity and settings that cannot be used. Each says what happened
 * and what to do.
 */
export const storesMessagesEn = {
  'store.busy':
    'Another sync of this data folder is running — in the app or in another command line. Wait for it to finish, then try again. Nothing was changed.',
  'store.disk-full':
    'The disk holding {path} is full, so the data could not be written. Nothing already saved was lost. Free some space on that disk, then try again.',
  'store.write-failed':
    '{path} could not be written (the disk reported an error). Nothing already saved was lost. Check the disk, then try again.',
  'store.not-a-folder':
    '{path} is (or lies under) a file, not a folder, so no data can be kept there. Choose another folder, or move the file away, then try again.',
  'store.file-is-folder':
    '{path} should be a file but is a folder. Move that folder away, then try again. Nothing was changed.',
  'store.no-access':
    '{path} cannot be read or written (no permission, or a read-only disk). Give your user access to it, or choose another folder. Nothing was changed.',
  'store.folder-missing':
    'There is no data folder at {path}. Check the folder name; a data folder is created by its first sync.',
  'store.no-mirror':
    'The folder {path} holds no contact data of Amoot Contact Sync (no mirror.sqlite). Check the folder name, or sync into it first.',
  'store.damaged':
    '{path} is damaged and could not be read. It was left exactly as it is; the next sync sets it aside and starts afresh.',
  'store.too-new':
    '{path} was written by a newer version of Amoot Contact Sync and was left untouched. Install the newest version to read it.',
  'store.open-failed':
    'The data in {path} could not be opened ({code}). Nothing was changed. Check the folder and the disk, then try again.',
  'sync.new-baseline.server':
    'The server address changed since the last sync, so this sync started a new baseline of the contacts instead of reporting them all as changed. The earlier change log is kept.',
  'sync.new-baseline.group':
    'The contact group changed since the last sync, so this sync started a new baseline of the contacts instead of reporting them all as changed. The earlier change log is kept.',
  'sync.new-baseline.time-zone':
    "The server's time zone changed since the last sync, so this sync started a new baseline of the contacts instead of reporting them all as changed. The earlier change log is kept.",
  'settings.stored.unusable':
    'These saved settings could not be used: {fields}. Syncing is stopped until they are set again.',
  'sync.settings-unusable':
    'Nothing was synced: these saved settings could not be used: {fields}. Set them again in Settings, then sync.',
  'settings.restored-from-mirror':
    'The settings file could not be read. The server address, contact group and time zone were taken back from the local copy of the contacts ({baseUrl}, group {group}, {timeZone}); check your other settings.',
  'tray.reason.busy': 'another sync of the folder was running',
  'tray.reason.storage': 'the data could not be saved',
  'tray.reason.settings': 'a setting must be set again',
} as const;
