// Sign-in and invitation links carry the server and the token in the fragment.
import { readSignInFragment, signInLink } from '../../../shared/api/link';

describe('sign-in links', () => {
  const token = 'eyJ2IjoxfQ.abc-_DEF';
  it('puts server and token in the fragment, replacing one the page had', () => {
    const link = signInLink('http://localhost:7071/taskpane.html#old', { server: 'http://localhost:7071', token });
    expect(link).toBe(`http://localhost:7071/taskpane.html#server=http%3A%2F%2Flocalhost%3A7071&token=${token}`);
    expect(new URL(link).search).toBe('');
  });

  it.each([
    ['with the #', true],
    ['without it', false],
  ])('reads the fragment back %s', (_n, hash) => {
    const frag = new URL(signInLink('https://addin.example/taskpane.html', { server: 'https://api.example', token })).hash;
    expect(readSignInFragment(hash ? frag : frag.slice(1))).toEqual({ server: 'https://api.example', token });
  });

  it.each([['#'], ['#token=abc'], ['#server=x'], ['#server=%E0%A4%A&token=x']])('returns null for %s', (hash) => {
    expect(readSignInFragment(hash)).toBeNull();
  });
});
