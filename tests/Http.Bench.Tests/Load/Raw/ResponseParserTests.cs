using System.Buffers;
using System.Text;
using Http.Bench.Load.Raw;

namespace Http.Bench.Tests.Load.Raw;

public class ResponseParserTests
{
    [Fact]
    public void TryRead_sized_answer_returns_its_length_status_and_body()
    {
        var (whole, head, body) = Read(SampleAnswers.Sized);

        whole.ShouldBeTrue();
        head.ShouldBe(new ResponseHead(SampleAnswers.Sized.Length, 201, false));
        body.ShouldBe(SampleAnswers.BookedJson);
    }

    [Fact]
    public void TryRead_chunked_answer_with_extensions_and_a_trailer_returns_the_dechunked_body()
    {
        var (whole, head, body) = Read(SampleAnswers.Chunked);

        whole.ShouldBeTrue();
        head.ShouldBe(new ResponseHead(SampleAnswers.Chunked.Length, 201, false));
        body.ShouldBe(SampleAnswers.BookedJson);
    }

    [Fact]
    public void TryRead_answer_captured_from_kestrel_returns_its_json_body()
    {
        var (whole, head, body) = Read(SampleAnswers.FromKestrel);

        whole.ShouldBeTrue();
        head.ShouldBe(new ResponseHead(SampleAnswers.FromKestrel.Length, 201, false));
        body.ShouldBe("{\"status\":\"booked\",\"userId\":1}");
    }

    [Theory]
    [InlineData("sized")]
    [InlineData("chunked")]
    public void TryRead_any_prefix_of_a_whole_answer_is_incomplete(string framing)
    {
        var answer = framing == "chunked" ? SampleAnswers.Chunked : SampleAnswers.Sized;

        var complete = Enumerable.Range(0, answer.Length).Where(length => Read(answer[..length]).Whole);

        complete.ShouldBeEmpty();
    }

    [Fact]
    public void TryRead_no_content_with_connection_close_has_no_body_and_closes()
    {
        const string answer = "HTTP/1.1 204 No Content\r\nCONNECTION: Close\r\n\r\n";

        var (whole, head, body) = Read(answer);

        whole.ShouldBeTrue();
        head.ShouldBe(new ResponseHead(answer.Length, 204, true));
        body.ShouldBeEmpty();
    }

    [Fact]
    public void TryRead_status_line_with_an_empty_reason_returns_its_status()
    {
        const string answer = "HTTP/1.1 503 \r\nContent-Length: 0\r\n\r\n";

        Read(answer).ShouldBe((true, new ResponseHead(answer.Length, 503, false), ""));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n\r\nhello", "neither Content-Length nor Transfer-Encoding")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", "the status line HTTP/1.0 200 OK")]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n", "the status line HTTP/1.1 100 Continue")]
    [InlineData("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n", "the status line HTTP/1.1 2x0 OK")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length -1")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", "both Content-Length and Transfer-Encoding")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "Transfer-Encoding gzip, chunked")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "a chunk size zz")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd", "a chunk not followed by CRLF")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon\r\n\r\n", "a header line without a name: no colon")]
    public void TryRead_malformed_answer_throws_invalid_data(string answer, string what)
    {
        var error = Should.Throw<InvalidDataException>(() => Read(answer));

        error.Message.ShouldStartWith("Malformed HTTP answer: ");
        error.Message.ShouldContain(what);
    }

    private static (bool Whole, ResponseHead Head, string Body) Read(string answer)
    {
        var body = new ArrayBufferWriter<byte>();
        var whole = ResponseParser.TryRead(Encoding.ASCII.GetBytes(answer), body, out var head);
        return (whole, head, Encoding.ASCII.GetString(body.WrittenSpan));
    }
}
