package org.smallwins.crud;

/** Same shape as the command service's request. */
public record RecordCheckInRequest(
        String checkInId, Integer mood, Integer energy, String window, String note, String at, String zone) {

    @Override
    public String toString() {
        return "RecordCheckInRequest[checkInId=" + checkInId + "]";
    }
}
