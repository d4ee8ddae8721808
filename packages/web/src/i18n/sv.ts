import type { Messages } from './en';

/** Swedish texts; the `Messages` type keeps the keys in step with English. */
export const sv: Messages = {
  common: {
    appName: 'workup',
    skipToContent: 'Hoppa till huvudinnehållet',
    loading: 'Laddar…',
    errorSummaryTitle: 'Något behöver rättas',
    errorPrefix: 'Fel:',
    back: 'Tillbaka',
    tryAgain: 'Försök igen',
    language: 'Språk',
    languageNames: { en: 'English', sv: 'Svenska' },
    titleSuffix: 'workup',
    errors: {
      network_error: 'Det gick inte att nå servern. Kontrollera anslutningen och försök igen.',
      generic: 'Något gick fel. Försök igen senare.',
    },
    notFound: {
      title: 'Sidan finns inte',
      body: 'Kontrollera att adressen är rätt.',
      link: 'Gå till patienter',
    },
  },
  auth: {
    signInTitle: 'Logga in',
    email: 'E-postadress',
    password: 'Lösenord',
    signIn: 'Logga in',
    signingIn: 'Loggar in…',
    signOut: 'Logga ut',
    signedInAs: 'Inloggad som {{name}}',
    errors: {
      email: 'Ange din e-postadress, till exempel namn@exempel.se',
      password: 'Ange ditt lösenord',
      invalid_credentials: 'E-postadressen eller lösenordet är fel',
      rate_limited: 'För många försök. Vänta några minuter och försök igen.',
    },
  },
  nav: {
    label: 'Huvudmeny',
    patients: 'Patienter',
  },
  patients: {
    title: 'Patienter',
    caseload: 'Dina patienter',
    name: 'Namn',
    birthYear: 'Födelseår',
    latestSbt: 'STarT Back-risk',
    noBirthYear: 'Ej angivet',
    noResponse: 'Inga svar än',
    empty: 'Det finns inga patienter än. Lägg till en nedan.',
    addTitle: 'Lägg till en patient',
    givenName: 'Förnamn',
    familyName: 'Efternamn',
    birthYearOptional: 'Födelseår (valfritt)',
    birthYearHint: 'Till exempel 1978',
    add: 'Lägg till patient',
    adding: 'Lägger till…',
    errors: {
      givenName: 'Ange förnamn',
      familyName: 'Ange efternamn',
      birthYear: 'Ange ett födelseår mellan 1900 och 2100, till exempel 1978',
    },
  },
  patient: {
    caption: 'Patient',
    bornIn: 'Född {{year}}',
    notFound: 'Patienten kunde inte hittas.',
    backToList: 'Alla patienter',
    sbt: {
      title: 'STarT Back Screening Tool',
      latest: 'Senaste resultat',
      submittedAt: 'Besvarat {{date}}',
      none: 'Patienten har inte besvarat STarT Back-formuläret än.',
      total: 'Totalpoäng',
      psychosocial: 'Psykosocial delskala',
      risk: 'Riskgrupp',
      outOf: '{{value}} av {{max}}',
      history: 'Alla resultat',
      date: 'Datum',
    },
    link: {
      title: 'Skicka formuläret',
      intro:
        'Skapa en länk och skicka den till patienten. Länken visas bara en gång, gäller för ett svar och ersätter en tidigare länk till samma formulär. Basformulären är STarT Back, ÖMPSQ-10, ODI, EQ-5D, smärta, arbete, motivation och röda flaggor; patienten kan göra uppehåll och fortsätta senare.',
      createBaseline: 'Skapa länk till basformulären (8 formulär)',
      create: 'Skapa STarT Back-länk',
      creating: 'Skapar länk…',
      label: 'Länk till patienten',
      expires: 'Länken slutar gälla {{date}}.',
      copy: 'Kopiera länken',
      copied: 'Länken är kopierad',
      copyFailed: 'Länken kunde inte kopieras. Markera den och kopiera själv.',
      paraphrase:
        'Patienten ser workups egen korta omskrivning av frågorna: den licensierade formuleringen på det här språket är inte inläst.',
      licensed: 'Patienten ser den licensierade formulering som verksamheten har läst in.',
    },
  },
  risk: {
    low: 'Låg risk',
    medium: 'Medelhög risk',
    high: 'Hög risk',
  },
  interpretation: {
    low: 'Klarar sig troligen bra med primärvård: råd, lugnande besked, smärtlindring och uppmuntran att vara aktiv och arbeta.',
    medium:
      'Fysiska faktorer dominerar: överväg fysioterapi med träning och råd om att hålla sig aktiv.',
    high: 'Psykosociala faktorer är framträdande: överväg psykologiskt informerad fysioterapi och tätare uppföljning.',
  },
  respond: {
    progress: 'Fråga {{current}} av {{total}}',
    continue: 'Fortsätt',
    chooseAnswer: 'Välj ett svar',
    checkTitle: 'Kontrollera dina svar',
    checkIntro: 'Du kan ändra ett svar innan du skickar.',
    change: 'Ändra',
    changeHidden: 'ditt svar på: {{question}}',
    notAnswered: 'Inte besvarad',
    submit: 'Skicka svaren',
    submitting: 'Skickar…',
    submitFailed: 'Svaren kunde inte skickas. Försök igen.',
    answerQuestion: 'Besvara fråga {{number}}',
    doneTitle: 'Tack',
    doneBody: 'Dina svar har skickats till din behandlare.',
    doneClose: 'Du kan nu stänga sidan.',
    setTitle: 'Frågor från din mottagning',
    part: 'Del {{current}} av {{total}}:',
    skip: 'Hoppa över frågan: den gäller inte mig',
    leftOut: 'Överhoppad (gäller inte)',
    saved: 'Dina svar är sparade. Du kan stänga sidan och fortsätta senare med samma länk.',
    saveFailed:
      'Dina svar kunde inte sparas just nu. De finns kvar på den här enheten; fortsätt så försöker vi igen.',
    anchors: '{{min}} = {{minLabel}}, {{max}} = {{maxLabel}}',
    number: {
      between: 'Skriv ett heltal från {{min}} till {{max}}.',
      atLeast: 'Skriv ett heltal, {{min}} eller mer.',
      empty: 'Skriv ett tal',
      not_whole: 'Skriv ett heltal, utan decimaler',
      too_small: 'Skriv ett tal som är {{min}} eller mer',
      too_large: 'Skriv ett tal som är {{max}} eller mindre',
    },
    units: {
      daysLabel: 'dagar',
      days_one: '{{count}} dag',
      days_other: '{{count}} dagar',
    },
    problems: {
      invalid_link: {
        title: 'Länken fungerar inte',
        body: 'Kontrollera att du använde hela länken. Om den ändå inte fungerar, be din behandlare om en ny länk.',
      },
      link_expired: {
        title: 'Länken har slutat gälla',
        body: 'Be din behandlare om en ny länk.',
      },
      already_submitted: {
        title: 'Du har redan skickat dina svar',
        body: 'Tack. Din behandlare har fått dina svar. Du kan stänga sidan.',
      },
      unavailable: {
        title: 'Tyvärr har det blivit fel',
        body: 'Formuläret kunde inte laddas. Försök igen om några minuter.',
      },
    },
  },
  advice: {
    emergency: {
      title: 'Du behöver träffa en behandlare i dag',
      body: 'Några av dina svar behöver bedömas av en behandlare i dag. Din mottagning har fått besked. Om du inte har hört av dem inom några timmar, eller om du känner domningar runt ändan eller könsorganen, eller har svårt att kissa eller hålla tätt, ring 112 nu.',
    },
    urgent: {
      title: 'En behandlare kontaktar dig inom ett dygn',
      body: 'Några av dina svar behöver bedömas av en behandlare snart. Din mottagning har fått besked. Om du blir sämre, eller får nya domningar, svaghet eller problem med blåsan eller tarmen, ring 112.',
    },
    selfCareTitle: 'Det här kan du göra nu',
    selfCare: {
      advice_stay_active: {
        title: 'Fortsätt röra på dig.',
        body: 'Gör dina vanliga sysslor så gott det går. Att vara aktiv hjälper ryggen att bli bättre, och om du kan, fortsätt arbeta eller gå tillbaka steg för steg.',
      },
      education: {
        title: 'Ryggont är vanligt och går oftast över.',
        body: 'Smärta betyder inte att ryggen är skadad. Din behandlare berättar mer och ger dig skriftlig information.',
      },
      self_management: {
        title: 'Du kan göra mycket själv.',
        body: 'Lugna rörelser, korta pauser för att byta ställning, och värme eller smärtlindring om det hjälper. Din behandlare gör upp en plan med dig.',
      },
      no_routine_imaging: {
        title: 'Du behöver troligen ingen röntgen.',
        body: 'Vid ryggont ändrar röntgen sällan råden eller behandlingen du får.',
      },
      safety_netting: {
        title: 'Vet när du ska söka hjälp.',
        body: 'Kontakta din mottagning om smärtan blir mycket värre eller strålar ner i båda benen. Ring 112 direkt om du får domningar runt ändan eller könsorganen, eller inte kan kissa eller hålla tätt.',
      },
      follow_up: {
        title: 'Vi hör av oss.',
        body: 'Du får korta frågeformulär senare, så att du och din behandlare kan se hur det går.',
      },
    },
    offeredTitle: 'Det här kan din behandlare prata med dig om',
    offered: {
      physio_exercise: 'Träning med en fysioterapeut.',
      manual_therapy_adjunct: 'Manuell behandling tillsammans med träning.',
      mdt_assessment: 'En bedömning av rörelser som lindrar din smärta.',
      psych_informed_physio:
        'Fysioterapi som också hjälper mot oro och att komma tillbaka till det som är viktigt för dig.',
      motivational_interviewing: 'Ett samtal om vad du vill förändra och hur.',
      ergonomic_advice: 'Råd om hur du arbetar, sitter och lyfter.',
      workplace_dialogue:
        'Ett möte med din arbetsgivare om arbete som passar medan du blir bättre.',
      vocational_advice:
        'Stöd från en rådgivare för att stanna kvar i eller komma tillbaka till arbetet.',
      mental_health_assessment: 'Ett samtal med någon om hur du mår.',
      rheumatology_referral: 'Ett besök hos en specialist på inflammation i leder och rygg.',
    },
    nextSteps: 'Din behandlare går igenom dina svar och pratar med dig om nästa steg.',
  },
};
