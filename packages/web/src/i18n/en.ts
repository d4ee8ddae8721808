/** English texts. The Swedish resources must have exactly the same keys (see `sv.ts`). */
export const en = {
  common: {
    appName: 'workup',
    skipToContent: 'Skip to main content',
    loading: 'Loading…',
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    back: 'Back',
    tryAgain: 'Try again',
    language: 'Language',
    languageNames: { en: 'English', sv: 'Svenska' },
    titleSuffix: 'workup',
    errors: {
      network_error: 'The server could not be reached. Check your connection and try again.',
      generic: 'Something went wrong. Try again later.',
    },
    notFound: {
      title: 'Page not found',
      body: 'Check that the address is right.',
      link: 'Go to patients',
    },
  },
  auth: {
    signInTitle: 'Sign in',
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {{name}}',
    errors: {
      email: 'Enter your email address, like name@example.org',
      password: 'Enter your password',
      invalid_credentials: 'The email address or password is not right',
      rate_limited: 'Too many attempts. Wait a few minutes and try again.',
    },
  },
  nav: {
    label: 'Main',
    patients: 'Patients',
  },
  patients: {
    title: 'Patients',
    caseload: 'Your caseload',
    name: 'Name',
    birthYear: 'Birth year',
    latestSbt: 'STarT Back risk',
    noBirthYear: 'Not given',
    noResponse: 'No answers yet',
    empty: 'There are no patients yet. Add one below.',
    addTitle: 'Add a patient',
    givenName: 'Given name',
    familyName: 'Family name',
    birthYearOptional: 'Birth year (optional)',
    birthYearHint: 'For example, 1978',
    add: 'Add patient',
    adding: 'Adding…',
    errors: {
      givenName: 'Enter the given name',
      familyName: 'Enter the family name',
      birthYear: 'Enter a birth year between 1900 and 2100, like 1978',
    },
  },
  patient: {
    caption: 'Patient',
    bornIn: 'Born {{year}}',
    notFound: 'This patient could not be found.',
    backToList: 'All patients',
    sbt: {
      title: 'STarT Back Screening Tool',
      latest: 'Latest result',
      submittedAt: 'Answered {{date}}',
      none: 'The patient has not answered the STarT Back questionnaire yet.',
      total: 'Total score',
      psychosocial: 'Psychosocial subscale',
      risk: 'Risk group',
      outOf: '{{value}} of {{max}}',
      history: 'All results',
      date: 'Date',
    },
    link: {
      title: 'Send the questionnaire',
      intro:
        'Create a link and send it to the patient. The link is shown only once, works for one set of answers, and replaces an earlier link to the same questionnaires. The baseline asks STarT Back, ÖMPSQ-10, ODI, EQ-5D, pain, work, motivation and red flags; the patient can stop and carry on later.',
      createBaseline: 'Create baseline link (8 questionnaires)',
      create: 'Create STarT Back link',
      creating: 'Creating link…',
      label: 'Link for the patient',
      expires: 'The link expires {{date}}.',
      copy: 'Copy link',
      copied: 'Link copied',
      copyFailed: 'The link could not be copied. Select it and copy it yourself.',
      paraphrase:
        "Patients will see workup's own short paraphrase of the questions: this site has not loaded the licensed wording for this language.",
      licensed: 'Patients will see the licensed wording loaded by this site.',
    },
  },
  risk: {
    low: 'Low risk',
    medium: 'Medium risk',
    high: 'High risk',
  },
  interpretation: {
    low: 'Likely to do well with primary care: advice, reassurance, pain relief and encouragement to stay active and at work.',
    medium:
      'Physical factors dominate: consider physiotherapy with exercise and advice to stay active.',
    high: 'Psychosocial factors are prominent: consider psychologically informed physiotherapy and a closer follow-up.',
  },
  respond: {
    progress: 'Question {{current}} of {{total}}',
    continue: 'Continue',
    chooseAnswer: 'Select an answer',
    checkTitle: 'Check your answers',
    checkIntro: 'You can change an answer before you send them.',
    change: 'Change',
    changeHidden: 'your answer to: {{question}}',
    notAnswered: 'Not answered',
    submit: 'Submit answers',
    submitting: 'Sending…',
    submitFailed: 'Your answers could not be sent. Try again.',
    answerQuestion: 'Answer question {{number}}',
    doneTitle: 'Thank you',
    doneBody: 'Your answers have been sent to your clinician.',
    doneClose: 'You can now close this page.',
    setTitle: 'Questions from your clinic',
    part: 'Part {{current}} of {{total}}:',
    skip: 'Skip this question: it does not apply to me',
    leftOut: 'Left out (does not apply)',
    saved: 'Your answers are saved. You can close this page and carry on later with the same link.',
    saveFailed:
      'Your answers could not be saved just now. They are kept on this device; carry on and we will try again.',
    anchors: '{{min}} = {{minLabel}}, {{max}} = {{maxLabel}}',
    number: {
      between: 'Enter a whole number from {{min}} to {{max}}.',
      atLeast: 'Enter a whole number, {{min}} or more.',
      empty: 'Enter a number',
      not_whole: 'Enter a whole number, without decimals',
      too_small: 'Enter a number of {{min}} or more',
      too_large: 'Enter a number of {{max}} or less',
    },
    units: {
      daysLabel: 'days',
      days_one: '{{count}} day',
      days_other: '{{count}} days',
    },
    problems: {
      invalid_link: {
        title: 'This link does not work',
        body: 'Check that you used the whole link. If it still does not work, ask your clinician for a new link.',
      },
      link_expired: {
        title: 'This link has expired',
        body: 'Ask your clinician for a new link.',
      },
      already_submitted: {
        title: 'You have already sent your answers',
        body: 'Thank you. Your clinician has your answers. You can close this page.',
      },
      unavailable: {
        title: 'Sorry, there is a problem',
        body: 'The questionnaire could not be loaded. Try again in a few minutes.',
      },
    },
  },
  advice: {
    emergency: {
      title: 'A clinician needs to see you today',
      body: 'Some of your answers need to be checked by a clinician today. Your clinic has been told. If you have not heard from them within a few hours, or if you notice numbness around your bottom or genitals, or problems passing or holding urine, call 112 now.',
    },
    urgent: {
      title: 'A clinician will contact you within a day',
      body: 'Some of your answers need to be checked by a clinician soon. Your clinic has been told. If you get worse, or notice new numbness, weakness, or problems with your bladder or bowel, call 112.',
    },
    selfCareTitle: 'What you can do now',
    selfCare: {
      advice_stay_active: {
        title: 'Keep moving.',
        body: 'Carry on with your daily activities as much as you can. Staying active helps your back get better, and if you can, stay at work or go back step by step.',
      },
      education: {
        title: 'Back pain is common and usually gets better.',
        body: 'Pain does not mean that your back is damaged. Your clinician will explain more and give you written information.',
      },
      self_management: {
        title: 'You can do a lot yourself.',
        body: 'Gentle movement, short breaks to change position, and heat or pain relief if it helps. Your clinician will agree a plan with you.',
      },
      no_routine_imaging: {
        title: 'You probably do not need an X-ray or a scan.',
        body: 'For back pain they rarely change the advice or the treatment you get.',
      },
      safety_netting: {
        title: 'Know when to get help.',
        body: 'Contact your clinic if the pain gets much worse or spreads down both legs. Call 112 at once if you get numbness around your bottom or genitals, or cannot pass or hold urine.',
      },
      follow_up: {
        title: 'We will check in with you.',
        body: 'You will get short questionnaires later, so that you and your clinician can see how you are doing.',
      },
    },
    offeredTitle: 'What your clinician may talk with you about',
    offered: {
      physio_exercise: 'Exercise with a physiotherapist.',
      manual_therapy_adjunct: 'Hands-on treatment together with exercise.',
      mdt_assessment: 'An assessment of movements that ease your pain.',
      psych_informed_physio:
        'Physiotherapy that also helps with worry and with getting back to what matters to you.',
      motivational_interviewing: 'A conversation about what you want to change and how.',
      ergonomic_advice: 'Advice on how you work, sit and lift.',
      workplace_dialogue:
        'A meeting with your employer about work that suits you while you recover.',
      vocational_advice: 'Support from an adviser to stay in or get back to work.',
      mental_health_assessment: 'Talking with someone about how you are feeling.',
      rheumatology_referral: 'A visit to a specialist in joint and back inflammation.',
    },
    nextSteps:
      'Your clinician will go through your answers and talk with you about the next steps.',
  },
};

export type Messages = typeof en;
