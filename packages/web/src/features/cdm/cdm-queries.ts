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

/** The patient's meetings, newest first as the server lists them. */
export function useMeetings(patientId: string) {
  const api = useStaffApi();
  return useQuery({
    queryKey: meetingsQueryKey(patientId),
    queryFn: () => api.listMeetings(patientId),
    staleTime: 0,
  });
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
