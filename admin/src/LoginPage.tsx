// Sign-in: the system's name, two labelled fields, and the server's message when it refuses.
// (A plain password field: react-admin's show-password toggle is also labelled "password",
// which makes the field ambiguous for screen readers and for getByLabel(/password/i).)
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Login, useLogin } from 'react-admin';

function CimsLoginForm() {
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError('Enter your username and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login({ username: username.trim(), password });
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : 'Sign-in failed.');
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Sign in">
      <Stack spacing={2} sx={{ p: 2, width: 300 }}>
        <TextField label="Username" name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error ? <Alert severity="error" role="alert">{error}</Alert> : null}
        <Button type="submit" variant="contained" disabled={busy}>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}

export function LoginPage() {
  return (
    <Login>
      <Typography variant="h5" component="h1" sx={{ textAlign: 'center', mt: 1 }}>
        CIMS
      </Typography>
      <Typography variant="body2" sx={{ textAlign: 'center', px: 2 }} color="text.secondary">
        Customer Information Management System
      </Typography>
      <CimsLoginForm />
    </Login>
  );
}
