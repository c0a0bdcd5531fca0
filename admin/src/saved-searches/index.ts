import SavedSearchIcon from '@mui/icons-material/BookmarksOutlined';
import { SavedSearchList } from './SavedSearchList';

export { SaveSearchButton } from './SaveSearchButton';
export { listUrl } from './urls';

export default {
  list: SavedSearchList,
  icon: SavedSearchIcon,
  recordRepresentation: 'name',
  options: { label: 'Saved searches' },
};
