using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ChatDapr.ChatLoad.Reporting;

// An RGB raster written as a PNG (IHDR, one zlib IDAT, IEND; PNG spec §11): enough for a line chart without a
// drawing package.
public sealed class PngImage(int width, int height)
{
    private static readonly uint[] CrcTable = BuildCrcTable();
    private readonly byte[] _pixels = CreateWhite(width, height);

    public int Width { get; } = width;

    public int Height { get; } = height;

    public void Set(int x, int y, (byte R, byte G, byte B) color)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height)
            return;
        var i = (y * Width + x) * 3;
        (_pixels[i], _pixels[i + 1], _pixels[i + 2]) = color;
    }

    public void Fill(int x, int y, int w, int h, (byte, byte, byte) color)
    {
        for (var dy = 0; dy < h; dy++)
            for (var dx = 0; dx < w; dx++)
                Set(x + dx, y + dy, color);
    }

    /// <summary>A line <paramref name="thickness"/> pixels wide; <paramref name="dash"/> &gt; 0 draws that many on, that many off.</summary>
    public void Line(double x0, double y0, double x1, double y1, (byte, byte, byte) color, int thickness = 1, int dash = 0)
    {
        var steps = (int)Math.Max(1, Math.Ceiling(Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0))));
        for (var s = 0; s <= steps; s++)
        {
            if (dash > 0 && s / dash % 2 == 1)
                continue;
            var x = (int)Math.Round(x0 + (x1 - x0) * s / steps) - thickness / 2;
            var y = (int)Math.Round(y0 + (y1 - y0) * s / steps) - thickness / 2;
            Fill(x, y, thickness, thickness, color);
        }
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour RGB
        Chunk(file, "IHDR", header);
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < Height; y++)
            {
                zlib.WriteByte(0); // filter: none
                zlib.Write(_pixels, y * Width * 3, Width * 3);
            }
        }
        Chunk(file, "IDAT", raw.ToArray());
        Chunk(file, "IEND", []);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(Crc(0xFFFFFFFF, typeBytes), data) ^ 0xFFFFFFFF);
        output.Write(number);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    private static byte[] CreateWhite(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        Array.Fill(pixels, (byte)255);
        return pixels;
    }
}
