// react-admin's English, with its generic notices put in the words agency staff use.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';

const messages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    notification: {
      ...englishMessages.ra.notification,
      created: 'Saved.',
      updated: 'Changes saved. |||| %{smart_count} records changed.',
      deleted: 'Deleted. |||| %{smart_count} records deleted.',
      item_doesnt_exist: 'This record does not exist (any more).',
      http_error: 'The server could not be reached. Check the connection and try again.',
      logged_out: 'Your session has ended. Please sign in again.',
    },
    page: {
      ...englishMessages.ra.page,
      empty: 'Nothing here yet',
      invite: 'Create the first one?',
    },
  },
};

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], { allowMissing: true });
