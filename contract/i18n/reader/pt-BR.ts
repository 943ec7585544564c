import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// WordPress's Brazilian Portuguese (pt_BR, "você"): "Deixe um comentário",
// "Publicar comentário", "Cancelar resposta", "acessar" for signing in.
export const ptBR: Translation<typeof en> = {
  'frame.title': 'Comentários',
  unavailable: 'Os comentários não estão disponíveis.',
  'count.none': 'Nenhum comentário ainda',
  'count.some': {
    one: '{count} comentário',
    many: '{count} de comentários',
    other: '{count} comentários',
  },
  'count.heading': 'Comentários',
  'time.justNow': 'agora mesmo',

  'comment.deleted': 'Este comentário foi excluído.',
  'comment.inReplyTo': 'Em resposta a {name}',
  'comment.edited': '(editado)',
  'comment.awaiting': 'Seu comentário está aguardando moderação.',
  'comment.reply': 'Responder',
  'comment.replyTo': 'Responder para {name}',
  'comment.edit': 'Editar',
  'comment.editYours': 'Editar seu comentário',
  'comment.delete': 'Excluir',
  'comment.deleteYours': 'Excluir seu comentário',
  'edit.label': 'Seu comentário',
  'edit.save': 'Salvar',
  'edit.saving': 'Salvando…',
  'edit.cancel': 'Cancelar',
  'delete.confirm': 'Excluir este comentário?',
  'delete.deleting': 'Excluindo…',
  'delete.keep': 'Manter',

  'form.leave': 'Deixe um comentário',
  'form.replyTo': 'Responder para {name}',
  'form.cancelReply': 'Cancelar resposta',
  'form.comment': 'Comentário',
  'form.placeholder': 'Escreva um comentário…',
  'form.details': 'Preencha seus dados abaixo',
  'form.detailsOrLogIn': 'Preencha seus dados abaixo ou clique em um ícone para acessar:',
  'form.email': 'E-mail',
  'form.emailHint': 'O endereço nunca será publicado',
  'form.name': 'Nome',
  'form.website': 'Site',
  'form.remember': 'Salvar meus dados neste navegador para a próxima vez que eu comentar.',
  'form.honeypot': 'Deixe este campo vazio',
  'form.post': 'Publicar comentário',
  'form.posting': 'Publicando…',
  'form.akismet': 'Este site usa o Akismet para reduzir spam.',
  'form.privacy': 'Saiba como seus dados de comentários são processados',

  'field.check': 'Verifique este campo.',
  'field.body.missing': 'Escreva seu comentário.',
  'field.body.tooLong': {
    one: 'Seu comentário passa de {count} caractere. Ele continua aqui: encurte-o, por favor.',
    many: 'Seu comentário passa de {count} de caracteres. Ele continua aqui: encurte-o, por favor.',
    other: 'Seu comentário passa de {count} caracteres. Ele continua aqui: encurte-o, por favor.',
  },
  'field.name.missing': 'Informe seu nome.',
  'field.name.invalid': 'Informe um nome mais curto.',
  'field.email.missing': 'Informe seu endereço de e-mail. Ele nunca será publicado.',
  'field.email.invalid': 'Informe um e-mail válido, como nome@exemplo.com.br.',
  'field.website.invalid':
    'Informe um endereço da web como exemplo.com.br, ou deixe este campo vazio.',
  'form.problems': {
    one: 'Um campo precisa da sua atenção.',
    many: '{count} de campos precisam da sua atenção.',
    other: '{count} campos precisam da sua atenção.',
  },
  'form.left': {
    one: 'Resta {count} caractere',
    many: 'Restam {count} de caracteres',
    other: 'Restam {count} caracteres',
  },
  'form.over': {
    one: '{count} caractere acima do limite',
    many: '{count} de caracteres acima do limite',
    other: '{count} caracteres acima do limite',
  },
  'form.posted': 'Seu comentário foi publicado.',
  'form.held':
    'Seu comentário está aguardando moderação. Ele aparecerá assim que um moderador aprová-lo.',

  'error.signedOut':
    'Seu acesso expirou. Seu comentário continua aqui; acesse novamente ou preencha seus dados para publicar como visitante.',
  'error.server':
    'O servidor de comentários teve um problema. Seu comentário continua aqui; tente novamente.',
  'error.network':
    'Não foi possível falar com o servidor de comentários. Seu comentário continua aqui; tente novamente.',
  'error.originNotAllowed': 'Não é possível publicar comentários a partir desta página.',
  'error.parentNotFound': 'O comentário que você está respondendo não existe mais.',
  'error.unknownSite': 'Os comentários não estão disponíveis neste site.',
  'error.notAuthor': 'Somente quem escreveu este comentário pode alterá-lo.',
  'error.commentNotFound': 'Este comentário não existe mais.',
  'error.tooLarge': 'Seu comentário é longo demais. Encurte-o e tente novamente.',
  'error.rateLimited': 'Você está publicando rápido demais. Aguarde um pouco e tente novamente.',
  'error.rateLimitedFor': {
    one: 'Você está publicando rápido demais. Aguarde {count} segundo e tente novamente.',
    many: 'Você está publicando rápido demais. Aguarde {count} de segundos e tente novamente.',
    other: 'Você está publicando rápido demais. Aguarde {count} segundos e tente novamente.',
  },
  'error.duplicate': 'Você já publicou este comentário.',
  'error.banned': 'Você não pode comentar neste site.',
  'error.spam': 'Seu comentário foi recusado como spam.',
  'error.editWindowClosed': 'O prazo para alterar este comentário terminou.',
  'error.empty': 'Escreva alguma coisa.',

  'signIn.connecting': 'Conectando com {provider}…',
  'signIn.cancel': 'Cancelar',
  'signIn.logInWith': 'Acessar com {provider}',
  'signIn.as': 'Você está comentando utilizando sua conta {provider}.',
  'signIn.logOut': 'Sair',
  'signIn.change': 'Alterar',
  'signIn.ended': 'Seu acesso terminou. Acesse novamente para comentar com sua conta.',
  'signIn.popupBlocked':
    'Seu navegador bloqueou a janela de acesso. Permita pop-ups para este site e tente novamente.',
  'signIn.cancelled': 'Você cancelou o acesso.',
  'signIn.wasCancelled': 'O acesso foi cancelado.',
  'signIn.cancelledWith': 'Você cancelou o acesso com {provider}.',
  'signIn.tooLong': 'O acesso demorou demais. Tente novamente.',
  'signIn.tooMany': 'Tentativas de acesso demais. Aguarde um minuto e tente novamente.',
  'signIn.network': 'Não foi possível falar com o servidor de comentários. Tente novamente.',
  'signIn.unavailable': 'O acesso com {provider} não está disponível aqui.',
  'signIn.failed': 'O acesso não funcionou. Tente novamente ou comente como visitante.',
  'signIn.failedWith':
    'O acesso com {provider} não funcionou. Tente novamente ou comente como visitante.',
  'form.notifyReplies': 'Notifique-me sobre novas respostas por e-mail',
  'form.notifyPage': 'Notifique-me sobre novos comentários neste post',
  'form.notify.confirmEmail':
    'Verifique seu e-mail para confirmar: enviamos um link, e nada mais será enviado até você usá-lo.',
  'form.notify.subscribed':
    'Você receberá um e-mail quando houver novidades. Cada um tem um link para cancelar.',
  'form.notify.unavailable':
    'Seu provedor de acesso não nos deu um endereço de e-mail, então não podemos avisar você.',
};
