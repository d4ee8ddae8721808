import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingList } from '@workup/contracts';
import { useStaffApi } from '../../app/staff-api-context';
import { patientQueryKey } from '../patients/patient-queries';

export function meetingsQueryKey(patientId: string) {
  return [...patientQueryKey(patientId), 'cdm-meetings'] as const;
}

export function previewQueryKey(patientId: string, meetingId: string) {
  return [...meetingsQueryKey(patientId), meetingId, 'preview'] as const;
}

/** How often the meetings are fetched again while a patient's own link is active. */
export const PATIENT_LINK_POLL_MS = 30_000;

/** Whether any meeting has an active patient link (the patient may be choosing right now). */
export function hasActivePatientLink(list: MeetingList | undefined): boolean {
  return (
    list?.meetings.some((meeting) =>
      meeting.patientLinks.some((link) => link.status === 'active'),
    ) ?? false
  );
}

/**
 * The patient's meetings, newest first as the server lists them. While a patient's own link is
 * active they are fetched again now and then, so the patient's choices show up by themselves.
 */
export function useMeetings(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: meetingsQueryKey(patientId),
    queryFn: () => api.listMeetings(patientId),
    staleTime: 0,
    refetchInterval: (query) =>
      hasActivePatientLink(query.state.data) ? PATIENT_LINK_POLL_MS : false,
  });
}

/** Fetch the meetings and every preview again (the patient may have chosen on their link). */
export function useRefreshMeetings(patientId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meetingsQueryKey(patientId) });
}

/** One meeting (the print page opens it on its own). */
export function useMeeting(patientId: string, meetingId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: [...meetingsQueryKey(patientId), meetingId] as const,
    queryFn: () => api.getMeeting(patientId, meetingId),
    staleTime: 0,
  });
}

/** Exactly what the employer's link shows now, with what is kept back and why. */
export function useEmployerPreview(patientId: string, meetingId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: previewQueryKey(patientId, meetingId),
    queryFn: () => api.getEmployerPreview(patientId, meetingId),
    staleTime: 0,
  });
}

/**
 * After a change the server answers with the whole meeting: put it in the list at once, then
 * ask again for the preview (it follows every change of steps, consent and links).
 */
export function useMeetingChanged(patientId: string) {
  const queryClient = useQueryClient();
  return async (meeting: Meeting) => {
    queryClient.setQueryData<MeetingList>(meetingsQueryKey(patientId), (list) => {
      if (list === undefined) return { meetings: [meeting] };
      const known = list.meetings.some((candidate) => candidate.id === meeting.id);
      return {
        meetings: known
          ? list.meetings.map((candidate) => (candidate.id === meeting.id ? meeting : candidate))
          : [meeting, ...list.meetings],
      };
    });
    queryClient.setQueryData([...meetingsQueryKey(patientId), meeting.id], meeting);
    await queryClient.invalidateQueries({ queryKey: previewQueryKey(patientId, meeting.id) });
  };
}
