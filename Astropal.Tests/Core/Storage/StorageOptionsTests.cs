using System.ComponentModel.DataAnnotations;
using Astropal.Core.Storage;

namespace Astropal.Tests.Core.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void A_folder_is_made_under_the_data_directory_when_first_asked_for()
    {
        var root = Directory.CreateTempSubdirectory("astropal-storage-");
        try
        {
            var options = new StorageOptions { DataDirectory = root.FullName };

            var outbox = options.Folder("outbox");

            Assert.Equal(Path.Combine(root.FullName, "outbox"), outbox);
            Assert.True(Directory.Exists(outbox));
            Assert.Equal(outbox, options.Folder("outbox"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void The_data_directory_must_be_named(string? directory)
    {
        var options = new StorageOptions { DataDirectory = directory! };
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Equal("Storage:DataDirectory must name a folder.", Assert.Single(results).ErrorMessage);
    }
}
