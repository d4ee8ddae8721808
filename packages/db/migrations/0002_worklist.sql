CREATE TABLE "red_flag_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"patient_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"urgency" text NOT NULL,
	"flags" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"escalated_at" timestamp with time zone,
	"escalated_to" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"outcome" text,
	"note" text,
	CONSTRAINT "red_flag_tasks_urgency_check" CHECK ("red_flag_tasks"."urgency" in ('emergency', 'urgent')),
	CONSTRAINT "red_flag_tasks_outcome_check" CHECK ("red_flag_tasks"."outcome" is null or "red_flag_tasks"."outcome" in ('referred', 'ruled_out')),
	CONSTRAINT "red_flag_tasks_acknowledged_check" CHECK (("red_flag_tasks"."acknowledged_at" is null) = ("red_flag_tasks"."acknowledged_by" is null)),
	CONSTRAINT "red_flag_tasks_closed_check" CHECK (("red_flag_tasks"."closed_at" is null) = ("red_flag_tasks"."outcome" is null) and ("red_flag_tasks"."closed_at" is null) = ("red_flag_tasks"."closed_by" is null) and ("red_flag_tasks"."closed_at" is null or "red_flag_tasks"."acknowledged_at" is not null)),
	CONSTRAINT "red_flag_tasks_escalated_check" CHECK ("red_flag_tasks"."escalated_to" is null or "red_flag_tasks"."escalated_at" is not null)
);
--> statement-breakpoint
DROP INDEX "responses_assignment_unique";--> statement-breakpoint
ALTER TABLE "plans" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "assignment_id" uuid;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD COLUMN "instrument_ids" text[];--> statement-breakpoint
-- Links issued before this migration cover one instrument; drafts were that instrument's answers.
UPDATE "questionnaire_assignments" SET "instrument_ids" = ARRAY["instrument_id"];--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ALTER COLUMN "instrument_ids" SET NOT NULL;--> statement-breakpoint
UPDATE "response_drafts" SET "answers" = jsonb_build_object("questionnaire_assignments"."instrument_id", "response_drafts"."answers") FROM "questionnaire_assignments" WHERE "questionnaire_assignments"."id" = "response_drafts"."assignment_id";--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "lead_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "red_flag_tasks" ADD CONSTRAINT "red_flag_tasks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_tasks" ADD CONSTRAINT "red_flag_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_tasks" ADD CONSTRAINT "red_flag_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_tasks" ADD CONSTRAINT "red_flag_tasks_acknowledged_by_staff_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_tasks" ADD CONSTRAINT "red_flag_tasks_escalated_to_staff_users_id_fk" FOREIGN KEY ("escalated_to") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "red_flag_tasks" ADD CONSTRAINT "red_flag_tasks_closed_by_staff_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "red_flag_tasks_plan_unique" ON "red_flag_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "red_flag_tasks_patient_idx" ON "red_flag_tasks" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "red_flag_tasks_open_idx" ON "red_flag_tasks" USING btree ("unit_id","due_at") WHERE "red_flag_tasks"."closed_at" is null;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_assignment_id_questionnaire_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."questionnaire_assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_lead_staff_id_staff_users_id_fk" FOREIGN KEY ("lead_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plans_assignment_unique" ON "plans" USING btree ("assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_assignment_instrument_unique" ON "responses" USING btree ("assignment_id","instrument_id");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_author_check" CHECK ("plans"."created_by" is not null or "plans"."assignment_id" is not null);--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_instruments_check" CHECK (cardinality("questionnaire_assignments"."instrument_ids") >= 1 and "questionnaire_assignments"."instrument_ids"[1] = "questionnaire_assignments"."instrument_id");