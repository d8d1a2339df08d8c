using Http.Bench.Load;
using Http.Bench.Load.Raw;

namespace Http.Bench.Tests.Load.Raw;

public class RawConnectionTests
{
    private static readonly BenchRequest Book = new(false, 1_234_567, 7);
    private static readonly BenchRequest Cancel = Book with { IsCancel = true };
    private static readonly Answer Booked = new(Outcome.Booked, false, null);

    [Fact]
    public async Task SendAsync_answers_sent_one_byte_at_a_time_are_read_whole_over_one_connection()
    {
        using var server = new FakeServer();
        var serving = Task.Run(async () =>
        {
            using var connection = await server.AcceptAsync();
            foreach (var answer in new[] { SampleAnswers.Sized, SampleAnswers.Chunked })
            {
                (await connection.ReceiveRequestAsync()).ShouldStartWith("POST /api/events/book HTTP/1.1\r\n");
                await connection.SendOneByteAtATimeAsync(answer);
            }
        });
        using var client = new RawConnection(server.Port);

        (await client.SendAsync(Book)).ShouldBe(Booked);
        (await client.SendAsync(Book)).ShouldBe(Booked);
        await serving;
    }

    [Fact]
    public async Task SendAsync_after_an_answer_with_connection_close_opens_a_new_connection()
    {
        using var server = new FakeServer();
        var serving = Task.Run(async () =>
        {
            using (var first = await server.AcceptAsync())
            {
                await first.ReceiveRequestAsync();
                await first.SendOneByteAtATimeAsync(SampleAnswers.WaitlistedThenClose);
                await first.ReceiveEndAsync();
            }

            using var second = await server.AcceptAsync();
            (await second.ReceiveRequestAsync()).ShouldStartWith("POST /api/events/cancel HTTP/1.1\r\n");
            await second.SendAsync(SampleAnswers.Cancelled);
        });
        using var client = new RawConnection(server.Port);

        (await client.SendAsync(Book)).ShouldBe(new Answer(Outcome.Waitlisted, false, null));
        (await client.SendAsync(Cancel)).ShouldBe(new Answer(Outcome.Cancelled, false, null));
        await serving;
    }

    [Fact]
    public async Task SendAsync_answer_cut_short_by_a_close_is_lost_and_the_next_request_reconnects()
    {
        using var server = new FakeServer();
        var serving = Task.Run(async () =>
        {
            using (var first = await server.AcceptAsync())
            {
                await first.ReceiveRequestAsync();
                await first.SendAsync("HTTP/1.1 201 Created\r\nContent-Length: 100\r\n\r\n{\"sta");
            }

            using var second = await server.AcceptAsync();
            await second.ReceiveRequestAsync();
            await second.SendAsync(SampleAnswers.Sized);
        });
        using var client = new RawConnection(server.Port);

        var lost = await client.SendAsync(Book);
        var next = await client.SendAsync(Book);

        lost.Outcome.ShouldBe(Outcome.Lost);
        lost.Error.ShouldBe("no answer: IOException: The service closed the connection before the whole answer.");
        next.ShouldBe(Booked);
        await serving;
    }
}
