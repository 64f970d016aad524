// Common Azerbaijani names, enough for 3,000+ distinct-looking people.
export const MALE_NAMES = [
  'Əli', 'Vüqar', 'Rəşad', 'Elvin', 'Orxan', 'Tural', 'Kamran', 'Nicat', 'Fuad', 'Elnur', 'Ramil',
  'Anar', 'Samir', 'Zaur', 'Emin', 'Rauf', 'Elşən', 'Murad', 'Ceyhun', 'Həsən', 'Hüseyn', 'Rüstəm',
  'Ilkin', 'Tofiq', 'Vaqif', 'Yusif', 'Farid', 'Namiq', 'Sənan', 'Rövşən', 'Elçin', 'Mahir', 'Nurlan',
  'Toğrul', 'Cavid', 'Kənan', 'Şahin', 'Ayxan', 'Rəhim', 'Bəhruz',
] as const;
export const FEMALE_NAMES = [
  'Aygün', 'Günel', 'Leyla', 'Nərmin', 'Səbinə', 'Aysel', 'Lalə', 'Nigar', 'Könül', 'Vüsalə', 'Türkan',
  'Şəbnəm', 'Gülnar', 'Ülviyyə', 'Aynur', 'Sevinc', 'Rəna', 'Zəhra', 'Fidan', 'Nailə', 'Samirə', 'Elmira',
  'Xədicə', 'Pərvin', 'Jalə', 'Mehriban', 'Arzu', 'Aytən', 'Kəmalə', 'Ləman', 'Nurlana', 'Sona',
] as const;
/** Surname stems; the male form adds -ov/-yev, the female -ova/-yeva. */
export const SURNAME_STEMS = [
  'Məmmədov', 'Əliyev', 'Həsənov', 'Hüseynov', 'Quliyev', 'Abbasov', 'İsmayılov', 'Rzayev', 'Babayev',
  'Cəfərov', 'Kərimov', 'Nəsirov', 'Səfərov', 'Orucov', 'Vəliyev', 'Qasımov', 'Mustafayev', 'Rəhimov',
  'Süleymanov', 'Zeynalov', 'Bağırov', 'Əhmədov', 'Novruzov', 'İbrahimov', 'Musayev', 'Sadıqov',
  'Tağıyev', 'Əsgərov', 'Hacıyev', 'Mirzəyev', 'Şükürov', 'Paşayev', 'Allahverdiyev', 'Xəlilov',
] as const;

export function femaleSurname(stem: string): string {
  return `${stem}a`;
}

/** Patronymic as the registry writes it: the father's name plus oğlu (son) or qızı (daughter). */
export function patronymic(fatherName: string, female: boolean): string {
  return `${fatherName} ${female ? 'qızı' : 'oğlu'}`;
}
