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
  // Reply notifications (server/subscriptions/).
  'notify.confirm.subject': '[{site}] Confirme suas notificações por e-mail',
  'notify.confirm.intro':
    'Alguém, esperamos que você, pediu a {site} para enviar e-mails a este endereço sobre:',
  'notify.confirm.replies': 'novas respostas ao seu comentário em “{page}”',
  'notify.confirm.page': 'novos comentários em “{page}”',
  'notify.confirm.action': 'Confirmar',
  'notify.confirm.expires': {
    one: 'O link vale por {count} dia.',
    many: 'O link vale por {count} de dias.',
    other: 'O link vale por {count} dias.',
  },
  'notify.confirm.ignore': 'Se não foi você, ignore este e-mail: nada mais será enviado.',
  'notify.reply.subject': '[{site}] {author} respondeu ao seu comentário em “{page}”',
  'notify.reply.wrote': '{author} respondeu ao seu comentário em “{page}”:',
  'notify.comment.subject': '[{site}] Novo comentário de {author} em “{page}”',
  'notify.comment.wrote': '{author} comentou em “{page}”:',
  'notify.view': 'Ver na página',
  'notify.why.replies':
    'Você recebe este e-mail porque pediu a {site} para avisar sobre respostas ao seu comentário.',
  'notify.why.page':
    'Você recebe este e-mail porque pediu a {site} para avisar sobre novos comentários em “{page}”.',
  'notify.unsubscribe': 'Cancelar inscrição',
  'notify.page.confirm.title': 'Confirmar notificações por e-mail',
  'notify.page.confirm.question': 'Você quer receber e-mails de {site} sobre:',
  'notify.page.confirm.button': 'Sim, quero receber',
  'notify.page.confirmed.title': 'Notificações ativadas',
  'notify.page.confirmed.message':
    'Pronto. Cada e-mail terá um link para interrompê-los com um clique.',
  'notify.page.unsubscribe.title': 'Cancelar inscrição',
  'notify.page.unsubscribe.question': 'Parar os e-mails que {site} envia a você sobre:',
  'notify.page.unsubscribe.button': 'Cancelar inscrição',
  'notify.page.unsubscribed.title': 'Inscrição cancelada',
  'notify.page.unsubscribed.message': 'Você não receberá mais estes e-mails.',
  'notify.page.invalid.title': 'Link inválido',
  'notify.page.invalid.message':
    'Este link não é válido, ou não é mais: talvez você já tenha cancelado a inscrição.',
  'notify.page.expired.title': 'Link expirado',
  'notify.page.expired.message':
    'Este link expirou. Marque a caixa de novo na próxima vez que comentar.',
};
