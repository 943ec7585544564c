import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// "Você" and "acessar" for signing in, as WordPress's pt_BR says it.
export const ptBR: Translation<typeof en> = {
  'signIn.ok.title': 'Acesso concluído',
  'signIn.ok.message': 'Você está conectado. Pode fechar esta janela.',
  'signIn.denied.title': 'Acesso cancelado',
  'signIn.denied.message':
    'O acesso foi cancelado. Você pode fechar esta janela e comentar como visitante.',
  'signIn.failed.title': 'Falha no acesso',
  'signIn.failed.message': 'Não foi possível conectar você. Feche esta janela e tente novamente.',
  'signIn.bind.title': 'Acessar com {provider}',
  'signIn.bind.connecting': 'Conectando com {provider}…',
  'signIn.bind.failed': 'Não foi possível iniciar o acesso. Feche esta janela e tente novamente.',
  'signIn.notFromForm':
    'Este link de acesso só funciona na janela aberta pelo formulário de comentários. Feche-a e acesse pelo formulário de comentários.',
  'signIn.otherWindow':
    'Este acesso não pode ser concluído nesta janela. Comece novamente pelo formulário de comentários.',
  'signIn.error.message': 'Algo deu errado do nosso lado. Feche esta janela e tente novamente.',
  'signIn.unavailable.title': 'Acesso indisponível',
  'signIn.unavailable.message': 'O acesso com este provedor não está disponível.',
  'signIn.invalid.title': 'Link de acesso inválido',
  'signIn.invalid.message':
    'Este link de acesso não é válido. Comece novamente pelo formulário de comentários.',
  'signIn.expired.title': 'Acesso expirado',
  'signIn.expired.message': 'O acesso demorou demais. Feche esta janela e tente novamente.',
  'signIn.used.title': 'Acesso já concluído',
  'signIn.used.message': 'Este acesso já foi concluído. Você pode fechar esta janela.',
  'signIn.forbidden.title': 'Comece pelo formulário de comentários',
  'signIn.tooMany.title': 'Tentativas demais',
  'signIn.tooMany.message': 'Tentativas demais. Aguarde um minuto e tente novamente.',
  'signIn.notFound.title': 'Não encontrado',
  'signIn.notFound.message': 'Não há nada neste endereço.',
  'deletion.title': 'Exclusão de dados',
  'deletion.done': 'Seus dados foram excluídos em {date}.',
  'deletion.anonymised': {
    one: '{count} comentário anonimizado.',
    many: '{count} de comentários anonimizados.',
    other: '{count} comentários anonimizados.',
  },
  'deletion.code': 'Código de confirmação: {code}.',
  'deletion.notFound': 'Nenhuma solicitação de exclusão de dados tem este código.',
  'email.subject': '[{site}] Comentário aguardando moderação em “{page}”',
  'email.wrote': '{author} escreveu em “{page}” um comentário que está aguardando moderação.',
  'email.anonymous': 'Anônimo',
  'email.whyHeld': 'Por que ficou retido:',
  'email.noReason': 'nenhum motivo registrado',
  'email.approve': 'Aprovar',
  'email.spam': 'Marcar como spam',
  'email.trash': 'Lixeira',
  'email.allWaiting': 'Todos os comentários aguardando em {site}',
  'email.signInNote': 'Os links abrem o painel do Parley; acesse-o como moderador de {site}.',
  'email.why': 'Você recebe este e-mail porque modera {site}.',
};
