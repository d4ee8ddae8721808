CREATE TABLE "app_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"timepoint" text NOT NULL,
	"instrument_ids" text[] NOT NULL,
	"target_day" integer NOT NULL,
	"target_on" date NOT NULL,
	"opens_on" date NOT NULL,
	"due_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"overdue_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"questionnaire_assignment_id" uuid,
	"opened_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"response_delay_seconds" integer,
	"cancelled_at" timestamp with time zone,
	"open_job_id" bigint,
	CONSTRAINT "followup_assignments_dates_check" CHECK ("followup_assignments"."opens_on" <= "followup_assignments"."due_on" and "followup_assignments"."due_on" <= "followup_assignments"."closes_on"),
	CONSTRAINT "followup_assignments_opened_check" CHECK (("followup_assignments"."opened_at" is null) = ("followup_assignments"."questionnaire_assignment_id" is null))
);
--> statement-breakpoint
CREATE TABLE "followup_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"episode_id" uuid,
	"inclusion_on" date NOT NULL,
	"schedule_version" integer NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "followup_enrolments_withdrawal_check" CHECK (("followup_enrolments"."withdrawn_at" is null) = ("followup_enrolments"."withdrawal_reason" is null)),
	CONSTRAINT "followup_enrolments_reason_check" CHECK ("followup_enrolments"."withdrawal_reason" is null or "followup_enrolments"."withdrawal_reason" in ('patient_request', 'clinician_decision', 'other'))
);
--> statement-breakpoint
CREATE TABLE "followup_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"send_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"channel" text,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	"job_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "followup_reminders_status_check" CHECK ("followup_reminders"."status" in ('pending', 'sent', 'skipped', 'failed', 'cancelled')),
	CONSTRAINT "followup_reminders_channel_check" CHECK ("followup_reminders"."channel" is null or "followup_reminders"."channel" in ('email', 'sms')),
	CONSTRAINT "followup_reminders_sent_check" CHECK (("followup_reminders"."status" = 'sent') = ("followup_reminders"."sent_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "followup_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"study" text,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"locked_by" text,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_status_check" CHECK ("jobs"."status" in ('pending', 'running', 'done', 'failed', 'cancelled')),
	CONSTRAINT "jobs_attempts_check" CHECK ("jobs"."attempts" >= 0 and "jobs"."max_attempts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"reminder_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outbox_messages_channel_check" CHECK ("outbox_messages"."channel" in ('email', 'sms'))
);
--> statement-breakpoint
ALTER TABLE "followup_assignments" ADD CONSTRAINT "followup_assignments_enrolment_id_followup_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."followup_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_assignments" ADD CONSTRAINT "followup_assignments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_assignments" ADD CONSTRAINT "followup_assignments_questionnaire_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("questionnaire_assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_enrolments" ADD CONSTRAINT "followup_enrolments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_enrolments" ADD CONSTRAINT "followup_enrolments_schedule_id_followup_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."followup_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_enrolments" ADD CONSTRAINT "followup_enrolments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_enrolments" ADD CONSTRAINT "followup_enrolments_withdrawn_by_staff_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_enrolments" ADD CONSTRAINT "followup_enrolments_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_reminders" ADD CONSTRAINT "followup_reminders_assignment_id_followup_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."followup_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_schedules" ADD CONSTRAINT "followup_schedules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_schedules" ADD CONSTRAINT "followup_schedules_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "followup_assignments_timepoint_unique" ON "followup_assignments" USING btree ("enrolment_id","timepoint");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_assignments_link_unique" ON "followup_assignments" USING btree ("questionnaire_assignment_id");--> statement-breakpoint
CREATE INDEX "followup_assignments_patient_idx" ON "followup_assignments" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_enrolments_active_unique" ON "followup_enrolments" USING btree ("patient_id","schedule_id") WHERE "followup_enrolments"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "followup_enrolments_schedule_idx" ON "followup_enrolments" USING btree ("schedule_id");--> statement-breakpoint
CREATE INDEX "followup_reminders_assignment_idx" ON "followup_reminders" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_reminders_pending_unique" ON "followup_reminders" USING btree ("assignment_id","sequence") WHERE "followup_reminders"."status" in ('pending', 'sent');--> statement-breakpoint
CREATE INDEX "followup_schedules_unit_idx" ON "followup_schedules" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("lease_until") WHERE "jobs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "outbox_messages_reminder_idx" ON "outbox_messages" USING btree ("reminder_id");--> statement-breakpoint
CREATE INDEX "outbox_messages_patient_idx" ON "outbox_messages" USING btree ("patient_id");--> statement-breakpoint
-- Written by hand (drizzle-kit does not model triggers): when a follow-up questionnaire link is
-- submitted, its follow-up assignment is completed, with the delay from the window's opening in
-- whole seconds, in the same transaction as the submission.
CREATE FUNCTION "followup_complete_on_submission"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "followup_assignments"
     SET "completed_at" = NEW."submitted_at",
         "response_delay_seconds" = greatest(0, floor(extract(epoch from (NEW."submitted_at" - "opened_at"))))::integer
   WHERE "questionnaire_assignment_id" = NEW."id" AND "completed_at" IS NULL;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "followup_complete_on_submission" AFTER UPDATE OF "submitted_at" ON "questionnaire_assignments"
  FOR EACH ROW WHEN (OLD."submitted_at" IS NULL AND NEW."submitted_at" IS NOT NULL)
  EXECUTE FUNCTION "followup_complete_on_submission"();
