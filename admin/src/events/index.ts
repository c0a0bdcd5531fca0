import HistoryIcon from '@mui/icons-material/History';
import { EventList } from './EventList';

export default { list: EventList, icon: HistoryIcon, options: { label: 'Audit log' } };
