import type { Translation } from '../format.ts';
import type { en } from './en.ts';

// Tú, as WordPress's Spanish (es_ES) addresses readers.
export const es: Translation<typeof en> = {
  'signIn.ok.title': 'Sesión iniciada',
  'signIn.ok.message': 'Has iniciado sesión. Puedes cerrar esta ventana.',
  'signIn.denied.title': 'Inicio de sesión cancelado',
  'signIn.denied.message':
    'Se ha cancelado el inicio de sesión. Puedes cerrar esta ventana y comentar como invitado.',
  'signIn.failed.title': 'Error al iniciar sesión',
  'signIn.failed.message':
    'No hemos podido iniciar tu sesión. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.bind.title': 'Iniciar sesión con {provider}',
  'signIn.bind.connecting': 'Conectando con {provider}…',
  'signIn.bind.failed':
    'No hemos podido empezar el inicio de sesión. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.notFromForm':
    'Este enlace de inicio de sesión solo funciona en la ventana que abrió el formulario de comentarios. Ciérrala e inicia sesión desde el formulario de comentarios.',
  'signIn.otherWindow':
    'Este inicio de sesión no puede terminarse en esta ventana. Vuelve a empezar desde el formulario de comentarios.',
  'signIn.error.message':
    'Algo ha fallado por nuestra parte. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.unavailable.title': 'Inicio de sesión no disponible',
  'signIn.unavailable.message': 'El inicio de sesión con este proveedor no está disponible.',
  'signIn.invalid.title': 'Enlace de inicio de sesión no válido',
  'signIn.invalid.message':
    'Este enlace de inicio de sesión no es válido. Vuelve a empezar desde el formulario de comentarios.',
  'signIn.expired.title': 'Inicio de sesión caducado',
  'signIn.expired.message':
    'El inicio de sesión ha tardado demasiado. Cierra esta ventana e inténtalo de nuevo.',
  'signIn.used.title': 'Inicio de sesión ya completado',
  'signIn.used.message': 'Este inicio de sesión ya se ha completado. Puedes cerrar esta ventana.',
  'signIn.forbidden.title': 'Empieza desde el formulario de comentarios',
  'signIn.tooMany.title': 'Demasiados intentos',
  'signIn.tooMany.message': 'Demasiados intentos. Espera un minuto y vuelve a intentarlo.',
  'signIn.notFound.title': 'No encontrado',
  'signIn.notFound.message': 'No hay nada en esta dirección.',
  'deletion.title': 'Eliminación de datos',
  'deletion.done': 'Tus datos se eliminaron el {date}.',
  'deletion.anonymised': {
    one: '{count} comentario anonimizado.',
    many: '{count} de comentarios anonimizados.',
    other: '{count} comentarios anonimizados.',
  },
  'deletion.code': 'Código de confirmación: {code}.',
  'deletion.notFound': 'Ninguna solicitud de eliminación de datos tiene este código.',
  'email.subject': '[{site}] Comentario pendiente de moderación en «{page}»',
  'email.wrote': '{author} ha escrito en «{page}» un comentario pendiente de moderación.',
  'email.anonymous': 'Anónimo',
  'email.whyHeld': 'Por qué se ha retenido:',
  'email.noReason': 'no se ha registrado ningún motivo',
  'email.approve': 'Aprobar',
  'email.spam': 'Marcar como spam',
  'email.trash': 'Papelera',
  'email.allWaiting': 'Todos los comentarios pendientes en {site}',
  'email.signInNote':
    'Los enlaces abren el escritorio de Parley; accede allí como moderador de {site}.',
  'email.why': 'Recibes este correo electrónico porque moderas {site}.',
};
