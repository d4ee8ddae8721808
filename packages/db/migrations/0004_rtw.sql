CREATE TABLE "cdm_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_opened_at" timestamp with time zone,
	CONSTRAINT "cdm_links_audience_check" CHECK ("cdm_links"."audience" in ('employer', 'patient')),
	CONSTRAINT "cdm_links_revoked_check" CHECK (("cdm_links"."revoked_at" is null) = ("cdm_links"."revoked_by" is null))
);
--> statement-breakpoint
CREATE TABLE "cdm_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"employer_name" text NOT NULL,
	"employee_name" text,
	"record" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cdm_sharing_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" text,
	"share" boolean,
	"at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"patient_link_id" uuid,
	CONSTRAINT "cdm_sharing_events_kind_check" CHECK (("cdm_sharing_events"."kind" = 'decision' and "cdm_sharing_events"."item_id" is not null and "cdm_sharing_events"."share" is not null) or ("cdm_sharing_events"."kind" = 'revocation' and "cdm_sharing_events"."item_id" is null and "cdm_sharing_events"."share" is null)),
	CONSTRAINT "cdm_sharing_events_by_check" CHECK (("cdm_sharing_events"."recorded_by" is null) <> ("cdm_sharing_events"."patient_link_id" is null))
);
--> statement-breakpoint
CREATE TABLE "referral_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"referral_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"job_id" bigint,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	"failed_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	CONSTRAINT "referral_notifications_kind_check" CHECK ("referral_notifications"."kind" in ('accepted', 'step_started', 'discharged', 'declined', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "sick_leave_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"degree" numeric(5, 2) NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"removal_reason" text,
	CONSTRAINT "sick_leave_periods_dates_check" CHECK ("sick_leave_periods"."from_on" <= "sick_leave_periods"."to_on"),
	CONSTRAINT "sick_leave_periods_degree_check" CHECK ("sick_leave_periods"."degree" > 0 and "sick_leave_periods"."degree" <= 100),
	CONSTRAINT "sick_leave_periods_source_check" CHECK ("sick_leave_periods"."source" in ('certificate', 'self_report', 'register')),
	CONSTRAINT "sick_leave_periods_removal_check" CHECK (("sick_leave_periods"."removed_at" is null) = ("sick_leave_periods"."removed_by" is null) and ("sick_leave_periods"."removed_at" is null) = ("sick_leave_periods"."removal_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "vocational_referral_events" (
	"referral_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"event" jsonb NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vocational_referral_events_referral_id_sequence_pk" PRIMARY KEY("referral_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "vocational_referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"referrer_id" uuid NOT NULL,
	"question" text NOT NULL,
	"risk_group" text NOT NULL,
	"eligibility" jsonb NOT NULL,
	"timing" jsonb NOT NULL,
	"override_reason" text,
	"status" text NOT NULL,
	"adviser_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "vocational_referrals_risk_check" CHECK ("vocational_referrals"."risk_group" in ('low', 'medium', 'high')),
	CONSTRAINT "vocational_referrals_status_check" CHECK ("vocational_referrals"."status" in ('referred', 'accepted', 'in_progress', 'discharged', 'declined', 'withdrawn'))
);
--> statement-breakpoint
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_actor_type_check";--> statement-breakpoint
ALTER TABLE "cdm_links" ADD CONSTRAINT "cdm_links_meeting_id_cdm_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."cdm_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_links" ADD CONSTRAINT "cdm_links_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_links" ADD CONSTRAINT "cdm_links_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_links" ADD CONSTRAINT "cdm_links_revoked_by_staff_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_meetings" ADD CONSTRAINT "cdm_meetings_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_meetings" ADD CONSTRAINT "cdm_meetings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_meetings" ADD CONSTRAINT "cdm_meetings_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_sharing_events" ADD CONSTRAINT "cdm_sharing_events_meeting_id_cdm_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."cdm_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_sharing_events" ADD CONSTRAINT "cdm_sharing_events_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cdm_sharing_events" ADD CONSTRAINT "cdm_sharing_events_patient_link_id_cdm_links_id_fk" FOREIGN KEY ("patient_link_id") REFERENCES "public"."cdm_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_notifications" ADD CONSTRAINT "referral_notifications_referral_id_vocational_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."vocational_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_notifications" ADD CONSTRAINT "referral_notifications_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_notifications" ADD CONSTRAINT "referral_notifications_recipient_id_staff_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sick_leave_periods" ADD CONSTRAINT "sick_leave_periods_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sick_leave_periods" ADD CONSTRAINT "sick_leave_periods_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sick_leave_periods" ADD CONSTRAINT "sick_leave_periods_removed_by_staff_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_referral_events" ADD CONSTRAINT "vocational_referral_events_referral_id_vocational_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."vocational_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_referral_events" ADD CONSTRAINT "vocational_referral_events_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_referrals" ADD CONSTRAINT "vocational_referrals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_referrals" ADD CONSTRAINT "vocational_referrals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_referrals" ADD CONSTRAINT "vocational_referrals_referrer_id_staff_users_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vocational_referrals" ADD CONSTRAINT "vocational_referrals_adviser_id_staff_users_id_fk" FOREIGN KEY ("adviser_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cdm_links_token_unique" ON "cdm_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "cdm_links_meeting_idx" ON "cdm_links" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "cdm_meetings_patient_idx" ON "cdm_meetings" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "cdm_sharing_events_meeting_idx" ON "cdm_sharing_events" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referral_notifications_key_unique" ON "referral_notifications" USING btree ("key");--> statement-breakpoint
CREATE INDEX "referral_notifications_recipient_idx" ON "referral_notifications" USING btree ("recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_notifications_referral_idx" ON "referral_notifications" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "sick_leave_periods_patient_idx" ON "sick_leave_periods" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "vocational_referrals_patient_idx" ON "vocational_referrals" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "vocational_referrals_unit_status_idx" ON "vocational_referrals" USING btree ("unit_id","status");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_type_check" CHECK ("audit_events"."actor_type" in ('staff', 'patient_link', 'employer_link', 'system'));--> statement-breakpoint
-- The patient's sharing decisions are a consent record: append-only, like the audit trail
-- (written by hand; drizzle-kit does not model triggers). A new decision or a revocation is a
-- new row.
CREATE FUNCTION "cdm_sharing_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cdm_sharing_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "cdm_sharing_events_no_update_or_delete" BEFORE UPDATE OR DELETE ON "cdm_sharing_events"
  FOR EACH ROW EXECUTE FUNCTION "cdm_sharing_events_append_only"();
