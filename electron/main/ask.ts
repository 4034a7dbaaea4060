// A start-up question in a native dialog: its words, its buttons in order (the first is the
// default and what Esc or closing the dialog chooses), and the index of the button chosen.
import { dialog } from 'electron';

export interface Question {
  title: string;
  message: string;
  detail: string;
  buttons: ReadonlyArray<{ label: string }>;
}

export async function ask(question: Question, type: 'error' | 'warning'): Promise<number> {
  const { response } = await dialog.showMessageBox({
    type,
    title: question.title,
    message: question.message,
    detail: question.detail,
    buttons: question.buttons.map((b) => b.label),
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response;
}
