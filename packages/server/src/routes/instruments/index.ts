import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import {
  FhirResourceSchema,
  InstrumentDetailSchema,
  InstrumentListSchema,
  InstrumentParamsSchema,
  InstrumentTextQuerySchema,
  ProblemSchema,
  type InstrumentDetail,
  type InstrumentSummary,
} from '@workup/contracts';
import { findInstrument, INSTRUMENTS, toFhirQuestionnaire, type Instrument } from '@workup/core';
import type { RouteContext } from '../../context';
import { notFound } from '../../errors';
import { requireStaff } from '../../services/staff-auth';

const STAFF_ERRORS = { 401: ProblemSchema, 403: ProblemSchema } as const;

/** The instrument named in the path, or 404. */
export function instrumentOr404(id: string): Instrument {
  const instrument = findInstrument(id);
  if (instrument === undefined) throw notFound('The instrument');
  return instrument;
}

/** Instruments, their words (paraphrase or content pack) and their FHIR form; staff only. */
export const instrumentRoutes: FastifyPluginCallbackZod<RouteContext> = (app, ctx, done) => {
  app.addHook('onRequest', requireStaff(ctx));

  const summary = (instrument: Instrument): InstrumentSummary => {
    const { definition } = instrument;
    return {
      id: definition.id,
      version: definition.version,
      title: definition.title,
      scorable: instrument.scorable,
      valueSets: instrument.valueSets.map(({ id, description }) => ({ id, description })),
      licence: { ...definition.licence },
      contentPackLanguages: [...ctx.contentPacks.languages(definition.id)],
    };
  };

  app.get(
    '/',
    {
      schema: {
        tags: ['instruments'],
        summary: 'Every instrument, with the languages of any licensed content pack loaded',
        response: { 200: InstrumentListSchema, ...STAFF_ERRORS },
      },
    },
    () => ({ instruments: [...INSTRUMENTS.values()].map(summary) }),
  );

  app.get(
    '/:instrument',
    {
      schema: {
        tags: ['instruments'],
        summary: 'One instrument: items in the words shown to patients, cut-offs and rules',
        params: InstrumentParamsSchema,
        querystring: InstrumentTextQuerySchema,
        response: { 200: InstrumentDetailSchema, 404: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    (request): InstrumentDetail => {
      const instrument = instrumentOr404(request.params.instrument);
      const text = ctx.contentPacks.text(instrument, request.query.lang);
      return {
        ...summary(instrument),
        wording: text.wording,
        language: text.language,
        recallPeriod: text.recallPeriod,
        ...(text.instructions === undefined ? {} : { instructions: text.instructions }),
        items: instrument.definition.items.map((item, index) => {
          const worded = text.items[index];
          return {
            key: item.key,
            text: worded?.text ?? item.text,
            kind: item.kind,
            options: worded?.options.map(({ code, label }) => ({ code, label })) ?? [],
            ...(item.kind === 'integer' ? { min: item.min, max: item.max } : {}),
            ...(worded?.anchors === undefined ? {} : { anchors: worded.anchors }),
          };
        }),
        cutOffs: instrument.cutOffs.map((cutOff) => ({ ...cutOff })),
        missingDataRule: { ...instrument.missingDataRule },
        rules: instrument.rules.map((rule) => ({ ...rule })),
      };
    },
  );

  app.get(
    '/:instrument/fhir',
    {
      schema: {
        tags: ['instruments'],
        summary: 'The instrument as a FHIR R4 Questionnaire (SDC profile)',
        params: InstrumentParamsSchema,
        querystring: InstrumentTextQuerySchema,
        response: { 200: FhirResourceSchema, 404: ProblemSchema, ...STAFF_ERRORS },
      },
    },
    (request, reply) => {
      const instrument = instrumentOr404(request.params.instrument);
      const text = ctx.contentPacks.text(instrument, request.query.lang);
      const questionnaire = toFhirQuestionnaire(instrument, text, {
        base: `${ctx.config.publicUrl}/fhir`,
      });
      // `reply.type` returns the (thenable) reply: awaiting it would wait for the response itself.
      void reply.type('application/fhir+json');
      return { ...questionnaire };
    },
  );

  done();
};
