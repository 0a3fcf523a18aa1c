/** Each question rule's classes, with exact positions, messages and suggestions (see test/helpers/rule-tester.ts). */
import { ruleTester } from '../helpers/rule-tester.js';

const LEADING_EN = 'Leading question: the wording suggests the answer you expect.';
const LEADING_FR = 'Question orientée : la formulation suggère la réponse attendue.';

ruleTester('leading-question', {
  en: {
    valid: ['How satisfied are you with the current process?', 'What is the hardest part about using it?', 'How easy or difficult was it to set up?'],
    invalid: [
      { code: 'Is the content easy to read?', errors: [{ line: 1, column: 1, endColumn: 29, message: LEADING_EN, suggestion: 'How did it go the last time you used it? What happened?' }] },
      { code: '- How user-friendly do you find our app?', errors: [{ line: 1, column: 3, message: LEADING_EN }] },
      { code: "Intro\n\nSo I'm thinking about building a tool that tracks invoices. Would you use something like that?", errors: [{ line: 3, column: 1, suggestion: 'Ask how they deal with the problem today, not whether they would use your idea.' }] },
    ],
  },
  fr: {
    valid: ['Comment as-tu trouvé ce lieu ?', 'Quel est ton métier actuel ?'],
    invalid: [
      { code: "Tu n'utilises pas trop d'outils ?", errors: [{ line: 1, column: 1, message: LEADING_FR, suggestion: 'Comment cela se passe-t-il ? Racontez-moi la dernière fois.' }] },
      { code: '1. Pensez-vous que la sécurité des données est importante ?', errors: [{ line: 1, column: 4, message: LEADING_FR }] },
    ],
  },
});

ruleTester('double-barreled', {
  en: {
    valid: ['What is your process like, e.g. what do you do and how is it triggered?', "I'd love to know more about your research and where you are in it.", 'What are the pros and cons of the current tool?', 'How do you choose between email and phone?', 'Do you work in a team? How often?', 'Do you think others would agree? Why or why not?'],
    invalid: [
      { code: 'How satisfied are you with price and quality?', errors: [{ line: 1, column: 1, message: /double-barreled/i, suggestion: 'Ask about one thing at a time.' }] },
      { code: '- Do you find the website easy to navigate and visually appealing?', errors: [{ line: 1, column: 3, suggestion: 'Ask about one quality at a time: first one adjective, then the other.' }] },
      { code: "What's your role? What do you do all day?", errors: [{ line: 1, column: 1, endColumn: 42, message: /Several questions in one/ }] },
    ],
  },
  fr: {
    valid: ["Quels sont les avantages et inconvénients de l'outil actuel ?", "Est-ce que tu connais l'agilité ? Scrum ?"],
    invalid: [
      { code: "Est-ce que l'outil est simple et rapide ?", errors: [{ line: 1, column: 1, suggestion: 'Demandez une qualité à la fois.' }] },
      { code: 'As-tu participé à des projets ne respectant pas le planning et les budgets fixés ?', errors: [{ line: 1, column: 1, suggestion: 'Demandez une chose à la fois.' }] },
    ],
  },
});

ruleTester('hypothetical-question', {
  en: {
    valid: ['Where would you position your team on this chart?', 'What would you say are your top three tasks?'],
    invalid: [{ code: 'Do you see yourself staying in this role?', errors: [{ line: 1, column: 1, message: /Hypothetical question/ }] }],
  },
  fr: {
    valid: ['Comment pourriez-vous améliorer cette expérience ?', 'Comment prépariez-vous vos devis, avant ?', 'Où est-ce que vous rencontriez vos clients ?', 'Tu serais capable de me décrire ta journée ?'],
    invalid: [
      { code: "Qu'est-ce qui te permettrait d'accepter ça ?", errors: [{ line: 1, column: 1, message: /Question hypothétique/ }] },
      { code: 'Utiliseriez-vous une application qui automatise vos relances ?', errors: [{ line: 1, column: 1 }] },
    ],
  },
});

ruleTester('closed-question', {
  en: {
    valid: ['Could you think back to the last time you ordered supplies and walk me through it?', 'Can you briefly describe how you use it?'],
    invalid: [
      { code: '- "Do you use spreadsheets?"', errors: [{ line: 1, column: 4, suggestion: 'How do you use spreadsheets today? Tell me about the last time.' }] },
      { code: 'Have you ever used a template?', errors: [{ line: 1, column: 1, suggestion: 'Tell me about the last time you used a template. What happened?' }] },
      { code: 'Is there a budget for this?', errors: [{ line: 1, column: 1, suggestion: 'How does this work for you today? Tell me about a recent example.' }] },
    ],
  },
  fr: {
    valid: ["T'arrives à m'en dire plus ?", 'Peux-tu me lister les outils que tu utilises ?'],
    invalid: [
      { code: 'Quel est ton métier actuel ?', errors: [{ line: 1, column: 1 }] },
      { code: "- « Est-ce que vous avez utilisé un tableur ? »", errors: [{ line: 1, column: 5, suggestion: "Racontez-moi la dernière fois que vous avez utilisé un tableur. Comment cela s'est-il passé ?" }] },
    ],
  },
});
