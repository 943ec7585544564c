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
  // A guest's data by emailed link (server/privacy/guest-data.*).
  'data.email.subject': '[{site}] Seus dados em {site}',
  'data.email.asked':
    'Alguém (esperamos que você) perguntou o que os comentários de “{site}” guardam sobre {email}.',
  'data.email.open': 'Abra este link para baixá-los ou excluí-los:',
  'data.email.once': {
    one: 'O link funciona uma única vez, por {count} minuto (um pedido mais recente o substitui), e só para “{site}”: outros sites que usam o mesmo servidor de comentários guardam os próprios dados e precisam de um pedido próprio.',
    many: 'O link funciona uma única vez, por {count} de minutos (um pedido mais recente o substitui), e só para “{site}”: outros sites que usam o mesmo servidor de comentários guardam os próprios dados e precisam de um pedido próprio.',
    other:
      'O link funciona uma única vez, por {count} minutos (um pedido mais recente o substitui), e só para “{site}”: outros sites que usam o mesmo servidor de comentários guardam os próprios dados e precisam de um pedido próprio.',
  },
  'data.email.ignore':
    'Se não foi você que pediu, ignore este e-mail: nada acontece sem o link. Não o encaminhe: quem abrir primeiro pode ver e excluir estes comentários.',
  'data.title': 'Seus dados em {site}',
  'data.perSite':
    'Isto vale só para “{site}”: outros sites que usam o mesmo servidor de comentários guardam os próprios dados, e cada um precisa de um pedido próprio.',
  'data.link.intro':
    'Continue para ver o que “{site}” guarda sobre seu endereço de e-mail, e para baixar ou excluir.',
  'data.link.continue': 'Continuar',
  'data.summary': {
    one: '“{site}” guarda {count} comentário escrito com {email}.',
    many: '“{site}” guarda {count} de comentários escritos com {email}.',
    other: '“{site}” guarda {count} comentários escritos com {email}.',
  },
  'data.download': 'Baixar meus dados (JSON)',
  'data.delete.legend': 'Excluir meus dados em {site}',
  'data.delete.what':
    'Seu nome, e-mail, site, foto, endereço IP e navegador saem de todos os comentários escritos com este endereço.',
  'data.delete.choose': 'Escolha o que acontece com os comentários:',
  'data.delete.policy': 'A política deste site decide o que acontece com os comentários:',
  'data.delete.anonymise': 'Excluir, e manter meus comentários sem meu nome',
  'data.delete.remove': 'Excluir, e remover meus comentários',
  'data.delete.placeholder':
    'Um comentário removido que tem respostas fica como um marcador de “excluído”, para que as respostas mantenham seu lugar.',
  'data.retention': {
    one: 'De qualquer forma, endereços IP e navegadores são apagados de todos os comentários após {count} dia.',
    many: 'De qualquer forma, endereços IP e navegadores são apagados de todos os comentários após {count} de dias.',
    other:
      'De qualquer forma, endereços IP e navegadores são apagados de todos os comentários após {count} dias.',
  },
  'data.session': {
    one: 'Esta página funciona por {count} minuto.',
    many: 'Esta página funciona por {count} de minutos.',
    other: 'Esta página funciona por {count} minutos.',
  },
  'data.deleted.title': 'Seus dados em {site} foram excluídos',
  'data.deleted.kept': {
    one: '{count} comentário mantido sem nome em “{site}”. Nada do seu endereço ficou lá.',
    many: '{count} de comentários mantidos sem nome em “{site}”. Nada do seu endereço ficou lá.',
    other: '{count} comentários mantidos sem nome em “{site}”. Nada do seu endereço ficou lá.',
  },
  'data.deleted.removed': {
    one: '{count} comentário removido de “{site}”. Nada do seu endereço ficou lá.',
    many: '{count} de comentários removidos de “{site}”. Nada do seu endereço ficou lá.',
    other: '{count} comentários removidos de “{site}”. Nada do seu endereço ficou lá.',
  },
  'data.error.title': 'Este link não pode ser usado',
  'data.error.linkInvalid':
    'Este link não pode ser usado: ele expirou, já foi usado ou é de outro site. Peça um novo nos comentários do site.',
  'data.error.expired': 'Esta página expirou. Peça um novo link nos comentários do site.',
  'data.error.unknownSite': 'Não há nenhum site neste endereço. Confira o link no seu e-mail.',
  'data.error.origin': 'Use o formulário desta página.',
  'data.error.invalid': 'Este formulário não foi enviado como esperado. Volte e tente de novo.',
  'data.error.policy': 'Este site não oferece essa opção. Volte e use um dos botões.',
  'data.error.other':
    'Esta página não pode ser exibida. Peça um novo link nos comentários do site.',
  'data.error.busyTitle': 'Tentativas demais',
  'data.error.rateLimited': {
    one: 'Aguarde {count} segundo e tente novamente.',
    many: 'Aguarde {count} de segundos e tente novamente.',
    other: 'Aguarde {count} segundos e tente novamente.',
  },
  'data.error.serverTitle': 'Algo deu errado',
  'data.error.server': 'Algo deu errado do nosso lado. Tente novamente em alguns minutos.',
};
