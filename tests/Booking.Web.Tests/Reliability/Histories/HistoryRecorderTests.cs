namespace Booking.Web.Tests.Reliability.Histories;

public sealed class HistoryRecorderTests
{
    [Theory]
    [InlineData(201, """{"status":"booked","eventId":1,"userId":1,"position":null}""", Outcome.Booked)]
    [InlineData(201, """{"status":"waitlisted","userId":1,"position":3}""", Outcome.Waitlisted)]
    [InlineData(200, """{"status":"cancelled","userId":1,"promotedUserId":2,"availableTickets":0,"waitingListCount":4}""", Outcome.Cancelled)]
    [InlineData(200, """{"status":"left-waitlist","userId":1,"availableTickets":0,"waitingListCount":4}""", Outcome.LeftWaitlist)]
    [InlineData(409, """{"type":"urn:eventbooking:problem:already-booked","status":409}""", Outcome.AlreadyBooked)]
    [InlineData(409, """{"type":"urn:eventbooking:problem:already-waiting","status":409}""", Outcome.AlreadyWaiting)]
    [InlineData(404, """{"type":"urn:eventbooking:problem:nothing-to-cancel","status":404}""", Outcome.NothingToCancel)]
    [InlineData(404, """{"type":"urn:eventbooking:problem:event-not-found","status":404}""", Outcome.EventNotFound)]
    [InlineData(503, """{"type":"urn:eventbooking:problem:unavailable","status":503}""", Outcome.Unavailable)]
    [InlineData(500, """{"type":"urn:eventbooking:problem:internal","status":500}""", Outcome.Unexpected)]
    [InlineData(201, """{"status":"maybe"}""", Outcome.Unexpected)]
    [InlineData(200, "<html>", Outcome.Unexpected)]
    public void Read_of_an_answer_maps_it_to_its_outcome(int status, string body, Outcome outcome) =>
        HistoryRecorder.Read(status, body).Outcome.ShouldBe(outcome);

    [Fact]
    public void Read_of_a_cancel_answer_keeps_the_numbers_the_checker_compares() =>
        HistoryRecorder.Read(200, """{"status":"cancelled","userId":1,"promotedUserId":2,"availableTickets":0,"waitingListCount":4}""")
            .ShouldBe(new Answer(Outcome.Cancelled, 200, null, 2, 0, 4,
                """{"status":"cancelled","userId":1,"promotedUserId":2,"availableTickets":0,"waitingListCount":4}"""));
}
