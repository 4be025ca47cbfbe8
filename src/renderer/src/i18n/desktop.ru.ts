import type { desktopEn } from './desktop.en'

/** Слова частей настольного приложения, которые показывает main (меню, вопрос при выходе). */
export const desktopRu: typeof desktopEn = {
  menu: {
    file: 'Файл',
    openDataFolder: 'Открыть папку данных',
    openLogsFolder: 'Открыть папку журналов',
    checkConnection: 'Проверить подключение',
    quit: 'Выйти',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    go: 'Перейти',
    view: 'Вид',
    reload: 'Обновить',
    devTools: 'Инструменты разработчика',
    actualSize: 'Исходный размер',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    fullScreen: 'Во весь экран',
    window: 'Окно',
    minimize: 'Свернуть',
    help: 'Справка',
    apiDocs: 'Документация API PersonaClick',
  },
  quit: {
    title: 'Задача ещё выполняется',
    message: '{jobs}: ещё выполняется.',
    detail:
      'Если выйти сейчас, задача остановится там, где она есть. При следующем запуске консоль предложит её продолжить, и ничего не будет отправлено дважды.',
    quitAnyway: 'Всё равно выйти',
    keepWorking: 'Продолжить работу',
  },
  saved: {
    title: 'Сохранён файл {name}',
    showInFolder: 'Нажмите, чтобы показать его в папке.',
  },
  jobs: {
    import: 'Импорт аудитории из {name}',
    bulkSend: 'Массовая отправка из {name}',
    segments: 'Изменение сегмента из {name}',
    promo: 'Загрузка промокодов в {name}',
    finished: 'Готово',
    stopped: 'Остановлено: откройте консоль, чтобы узнать причину',
  },
}
