import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import i18next from 'i18next';
import { createClient } from './api/client';
import { ClientContext } from './api/context';
import { createTransport } from './api/transport';
import { App } from './app/App';
import { setupI18n } from './i18n/setup';
import './styles.css';

setupI18n();
const root = createRoot(document.getElementById('root')!);
const transport = createTransport();
if (!transport) {
  root.render(<div className="banner error standalone">{i18next.t('app.noToken')}</div>);
} else {
  const client = createClient(transport, () => i18next.language);
  root.render(
    <StrictMode>
      <ClientContext.Provider value={client}>
        <App />
      </ClientContext.Provider>
    </StrictMode>,
  );
}
