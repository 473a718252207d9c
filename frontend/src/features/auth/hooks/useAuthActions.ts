import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { login, logout, type Credentials } from '../api/auth';

export function useLogin() {
  return useMutation({ mutationFn: (credentials: Credentials) => login(credentials) });
}

export function useLogout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: () => navigate('/login', { replace: true }),
  });
}
