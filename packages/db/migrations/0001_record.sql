CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consents_kind_check" CHECK ("consents"."kind" in ('care', 'research', 'employer_sharing')),
	CONSTRAINT "consents_revoked_check" CHECK (("consents"."revoked_at" is null) = ("consents"."revoked_by" is null))
);
--> statement-breakpoint
CREATE TABLE "episode_diagnoses" (
	"episode_id" uuid NOT NULL,
	"code_system" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "episode_diagnoses_episode_id_code_system_code_pk" PRIMARY KEY("episode_id","code_system","code"),
	CONSTRAINT "episode_diagnoses_code_system_check" CHECK ("episode_diagnoses"."code_system" in ('icd10', 'icpc2'))
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"body_region" text NOT NULL,
	"onset_on" date,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "episodes_body_region_check" CHECK ("episodes"."body_region" in ('low_back', 'neck', 'thoracic_back', 'shoulder', 'hip', 'knee', 'multisite', 'other')),
	CONSTRAINT "episodes_dates_check" CHECK ("episodes"."ended_on" is null or "episodes"."ended_on" >= "episodes"."started_on")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_components" (
	"plan_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"decision" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"delivered_on" date,
	CONSTRAINT "plan_components_plan_id_code_pk" PRIMARY KEY("plan_id","code"),
	CONSTRAINT "plan_components_status_check" CHECK ("plan_components"."status" in ('proposed', 'waiting_for_clinician')),
	CONSTRAINT "plan_components_decision_check" CHECK ("plan_components"."decision" is null or "plan_components"."decision" in ('accepted', 'changed', 'declined')),
	CONSTRAINT "plan_components_reason_check" CHECK ("plan_components"."decision" is null or "plan_components"."decision" = 'accepted' or "plan_components"."reason" is not null),
	CONSTRAINT "plan_components_delivered_check" CHECK ("plan_components"."delivered_on" is null or "plan_components"."decision" in ('accepted', 'changed'))
);
--> statement-breakpoint
CREATE TABLE "plan_flags" (
	"plan_id" uuid NOT NULL,
	"colour" text NOT NULL,
	"code" text NOT NULL,
	CONSTRAINT "plan_flags_plan_id_colour_code_pk" PRIMARY KEY("plan_id","colour","code"),
	CONSTRAINT "plan_flags_colour_check" CHECK ("plan_flags"."colour" in ('red', 'yellow', 'blue', 'black', 'orange'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid,
	"pathway_id" text NOT NULL,
	"pathway_version" text NOT NULL,
	"pathway_hash" text NOT NULL,
	"urgency" text NOT NULL,
	"triage" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plans_urgency_check" CHECK ("plans"."urgency" in ('emergency', 'urgent', 'soon', 'routine', 'none'))
);
--> statement-breakpoint
CREATE TABLE "protocol_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"episode_id" uuid,
	"plan_id" uuid,
	"intervention_code" text NOT NULL,
	"performed_on" date NOT NULL,
	"provider_id" uuid NOT NULL,
	"duration_minutes" integer,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "protocol_entries_duration_check" CHECK ("protocol_entries"."duration_minutes" is null or "protocol_entries"."duration_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "response_drafts" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_unit_memberships" (
	"staff_user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "staff_unit_memberships_staff_user_id_unit_id_pk" PRIMARY KEY("staff_user_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "submission_keys" (
	"assignment_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer NOT NULL,
	"response_body" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "submission_keys_assignment_id_key_pk" PRIMARY KEY("assignment_id","key")
);
--> statement-breakpoint
ALTER TABLE "patient_identities" ADD COLUMN "national_id_system" text;--> statement-breakpoint
ALTER TABLE "patient_identities" ADD COLUMN "national_id" text;--> statement-breakpoint
ALTER TABLE "patient_identities" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "patient_identities" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "research_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "timepoint" text;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_sessions" ADD COLUMN "totp_enrolment_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_pending_secret" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
-- Units made before organisations existed join one organisation, so the column can be required.
ALTER TABLE "units" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
INSERT INTO "organisations" ("name", "created_at") SELECT 'Organisation', now() WHERE EXISTS (SELECT 1 FROM "units");--> statement-breakpoint
UPDATE "units" SET "organisation_id" = (SELECT "id" FROM "organisations" ORDER BY "created_at" LIMIT 1) WHERE "organisation_id" IS NULL;--> statement-breakpoint
ALTER TABLE "units" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_revoked_by_staff_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_diagnoses" ADD CONSTRAINT "episode_diagnoses_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_components" ADD CONSTRAINT "plan_components_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_components" ADD CONSTRAINT "plan_components_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_flags" ADD CONSTRAINT "plan_flags_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_provider_id_staff_users_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_drafts" ADD CONSTRAINT "response_drafts_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_unit_memberships" ADD CONSTRAINT "staff_unit_memberships_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_unit_memberships" ADD CONSTRAINT "staff_unit_memberships_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_keys" ADD CONSTRAINT "submission_keys_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_patient_idx" ON "consents" USING btree ("patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consents_active_unique" ON "consents" USING btree ("patient_id","kind") WHERE "consents"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "episodes_patient_idx" ON "episodes" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "plans_patient_idx" ON "plans" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "protocol_entries_patient_idx" ON "protocol_entries" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "staff_unit_memberships_unit_idx" ON "staff_unit_memberships" USING btree ("unit_id");--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_episode_id_episodes_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."episodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patients_research_id_unique" ON "patients" USING btree ("research_id");--> statement-breakpoint
CREATE INDEX "units_organisation_idx" ON "units" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "patient_identities" ADD CONSTRAINT "patient_identities_national_id_check" CHECK (("patient_identities"."national_id" is null) = ("patient_identities"."national_id_system" is null));;--> statement-breakpoint
-- The audit trail is append-only (written by hand; drizzle-kit does not model triggers or
-- grants). The trigger holds for every role, superusers included; the REVOKE takes the
-- privileges away from every role but the owner, and from the role that runs the migrations
-- (the application's role when the app migrates at start-up). A superuser keeps them, so the
-- trigger is what holds there.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM PUBLIC;--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM %I', current_user);
END;
$$;
